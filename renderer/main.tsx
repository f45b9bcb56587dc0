// Renderer entry: find the host (preload or #token), connect once for the window's
// lifetime, and render. Same code in the Electron window and in a browser tab.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { discoverEndpoint } from './client/endpoint';
import { connectHost } from './client/hostConnection';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import './styles/theme.css';
import './styles/base.css';
import './app/app.css';

const endpoint = discoverEndpoint();
const host = endpoint ? connectHost(endpoint) : null;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App host={host} />
    </ErrorBoundary>
  </StrictMode>,
);
