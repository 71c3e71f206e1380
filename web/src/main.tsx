// The web app's entry: Gestalt's stylesheet, ours, and the app.
import 'gestalt/dist/gestalt.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
