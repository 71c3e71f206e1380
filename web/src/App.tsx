// The app: the session, the page for the current path, and one toast for messages (API errors above all).
import { Box, Flex, GlobalEventsHandlerProvider, Spinner, Text, Toast } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Header } from './components/Header.js';
import { Analytics } from './pages/Analytics.js';
import { AuthPage } from './pages/AuthPage.js';
import { Downloads } from './pages/Downloads.js';
import { Developers } from './pages/Developers.js';
import { Home } from './pages/Home.js';
import { NotFound } from './pages/NotFound.js';
import { PinBuilder } from './pages/PinBuilder.js';
import { Search } from './pages/Search.js';
import { SharedPage } from './pages/SharedPage.js';
import { GuestHeader } from './components/GuestHeader.js';
import { Settings } from './pages/Settings.js';
import { Welcome } from './pages/Welcome.js';
import { navigate, onLinkNavigation, pageOf, usePathname } from './router.js';
import { SessionProvider, useSession } from './session.js';

export type Notify = (text: string, type?: 'error' | 'success') => void;

export function App() {
  return (
    <GlobalEventsHandlerProvider linkHandlers={{ onNavigation: onLinkNavigation }}>
      <SessionProvider><Pages /></SessionProvider>
    </GlobalEventsHandlerProvider>
  );
}

function Pages() {
  const { user, error } = useSession();
  const pathname = usePathname();
  const page = pageOf(pathname) ?? 'not-found';
  const [toast, setToast] = useState<{ text: string; type: 'error' | 'success' } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const notify = useCallback<Notify>((text, type = 'error') => {
    setToast({ text, type });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(null), 6000);
  }, []);
  useEffect(() => setToast(null), [pathname]); // a message is about the page it was shown on
  const needsUser = page === 'settings' || page === 'pin-builder' || page === 'search-pins' || page === 'search-boards' || page === 'downloads'
    || page === 'developers-apps' || page === 'developers-api-keys' || page === 'analytics';
  useEffect(() => { if (needsUser && user === null) navigate('/login/', { replace: true }); }, [needsUser, user]);

  if (error) return <Box padding={8}><Text align="center" color="error">{error}</Text></Box>;
  if (user === undefined) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading" /></Flex></Box>;

  let body;
  if (page === 'login' || page === 'signup') body = <AuthPage mode={page} />;
  else if (page === 'home') body = user ? <Home user={user} notify={notify} /> : <Welcome />;
  else if (page === 'not-found') body = <NotFound />;
  else if (page === 'shared') body = <SharedPage pathname={pathname} user={user} notify={notify} />;
  else if (!user) body = null;
  else if (page === 'pin-builder') body = <PinBuilder user={user} />;
  else if (page === 'analytics') body = <Analytics notify={notify} />;
  else if (page === 'downloads') body = <Downloads notify={notify} />;
  else if (page === 'search-pins' || page === 'search-boards') body = <Search kind={page === 'search-pins' ? 'pins' : 'boards'} user={user} notify={notify} />;
  else if (page === 'developers-apps' || page === 'developers-api-keys') body = <Developers tab={page === 'developers-apps' ? 'apps' : 'api-keys'} notify={notify} />;
  else if (page === 'settings') body = <Settings notify={notify} />;
  const withHeader = user && page !== 'login' && page !== 'signup';

  return (
    <>
      {withHeader && <Header user={user} onError={notify} />}
      {!user && page !== 'home' && page !== 'login' && page !== 'signup' && <GuestHeader />}
      {body}
      {toast && (
        <div className="toast" role={toast.type === 'error' ? 'alert' : 'status'}>
          {/* Not type "success": its icon brings an inline <style> (Gestalt's DesignTokensProvider), refused by the CSP. */}
          <Toast text={toast.text} type={toast.type === 'error' ? 'error' : 'default'} dismissButton={{ onDismiss: () => setToast(null), accessibilityLabel: 'Dismiss' }} />
        </div>
      )}
    </>
  );
}
