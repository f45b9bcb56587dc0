// Last line of defence: a rendering bug shows what broke and a way back, instead of
// a blank window in the middle of an incident. The incident data lives on the host.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('War Room UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="screen-message" role="alert">
        <h1>Something broke in this window</h1>
        <p>Your incident data is safe on the host. Reload to continue.</p>
        <pre className="error-detail">{error.message}</pre>
        <div className="row">
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </main>
    );
  }
}
