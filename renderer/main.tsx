// Renderer entry: a room link (`#room=…&token=…`) joins that shared room without RPC; otherwise
// find the host (preload or #token), connect once for the window's lifetime, and render.
// Same code in the Electron window and in a browser tab.
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { desktopBridge } from './client/desktop';
import { discoverEndpoint } from './client/endpoint';
import { connectHost } from './client/hostConnection';
import { App } from './app/App';
import { discoverRoomTicket } from './app/roomTicket';
import { ErrorBoundary } from './app/ErrorBoundary';
import './styles/theme.css';
import './styles/base.css';
import './app/app.css';

// A room page is rare: its code loads only when the link is one.
const RoomApp = lazy(() => import('./app/RoomApp').then((m) => ({ default: m.RoomApp })));

// The Electron window is always its own host's; only a browser tab can be a room page.
const roomTicket = desktopBridge() ? null : discoverRoomTicket();
const endpoint = roomTicket ? null : discoverEndpoint();
const host = endpoint ? connectHost(endpoint) : null;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      {roomTicket ? (
        <Suspense fallback={null}>
          <RoomApp ticket={roomTicket} />
        </Suspense>
      ) : (
        <App host={host} />
      )}
    </ErrorBoundary>
  </StrictMode>,
);
