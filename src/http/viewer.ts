// Who is looking, as analytics count them: the signed-in user if any, the device's app type, a key that tells
// one viewer's repeated beacons apart, and whether the client is a bot.
import type { FastifyRequest } from 'fastify';
import { appTypeOf, isBot, type Viewer } from '../services/events.js';

export function viewerOf(req: FastifyRequest, userId: string | null = null): Viewer {
  const ua = req.headers['user-agent'];
  return { userId, appType: appTypeOf(ua), viewerKey: userId ?? `ip:${req.ip}`, bot: isBot(ua) };
}
