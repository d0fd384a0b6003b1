import { Component, Suspense, type ReactNode } from 'react';
import { retryFailedLoads } from './preloadable';

interface Props {
  /** What loads here, as a reader names it ("the help dialog"). */
  what: string;
  /** Shown while the code loads. */
  fallback: ReactNode;
  /** Floats the failure notice over the page (for dialogs, which have no place of their own). */
  floating?: boolean;
  /** Closes what failed (a dialog), offered beside Retry. */
  onDismiss?: () => void;
  /** Shows nothing on failure (a decoration whose absence loses nothing); the next mount tries again. */
  quiet?: boolean;
  /** Reloads the page (offered once a Retry failed to fetch the code too); the browser's reload unless given. */
  reload?: () => void;
  children: ReactNode;
}

interface State {
  error: unknown;
  /** Bumped by Retry so the children mount afresh (and their code is fetched again). */
  attempt: number;
}

/** Whether an error is the browser failing to fetch a code chunk, as Chromium, Firefox, Safari and Vite's preloader word it. */
export function isChunkLoadError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /dynamically imported module|Importing a module script failed|Unable to preload|ChunkLoadError/i.test(message);
}

/** What a failure notice says: where, what happened, and that the user's work is untouched. */
export function loadFailureText(what: string, err: unknown): string {
  if (isChunkLoadError(err)) return `The code for ${what} could not be fetched: the network may be down, or GoT Studio was updated since this page opened. Your graph and runs are kept.`;
  const message = err instanceof Error ? err.message : String(err);
  return `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} stopped with an error: ${message.slice(0, 300)}. Your graph and runs are kept.`;
}

/**
 * A place whose code loads on demand: a Suspense fallback while it loads and, if the load (or the
 * view) fails, a notice with Retry instead of an error that would unmount the whole app.
 */
export class LoadBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown error') };
  }

  private readonly retry = () => {
    retryFailedLoads();
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render() {
    const { what, fallback, floating, onDismiss, quiet, reload, children } = this.props;
    if (this.state.error === null)
      return (
        <Suspense key={this.state.attempt} fallback={fallback}>
          {children}
        </Suspense>
      );
    if (quiet) return null;
    // A Retry that failed to fetch too: a chunk the code needs may be held failed by the browser, or gone after an
    // update. A reload fetches the app afresh; the graph is saved as it is edited, so it loses nothing of it.
    const reloadOffered = this.state.attempt > 0 && isChunkLoadError(this.state.error);
    return (
      <div role="alert" className={`load-failed${floating ? ' is-floating' : ''}`} data-testid="load-failed">
        <p>{loadFailureText(what, this.state.error)}</p>
        {reloadOffered ? <p data-testid="load-reload-note">Retry did not bring it either. Reloading the page fetches GoT Studio afresh: your graph is saved, and a run in progress would stop.</p> : null}
        <div className="load-failed-actions">
          <button type="button" onClick={this.retry} data-testid="load-retry">
            Retry
          </button>
          {reloadOffered ? (
            <button type="button" onClick={reload ?? (() => window.location.reload())} data-testid="load-reload">
              Reload page
            </button>
          ) : null}
          {onDismiss ? (
            <button type="button" onClick={onDismiss}>
              Close
            </button>
          ) : null}
        </div>
      </div>
    );
  }
}
