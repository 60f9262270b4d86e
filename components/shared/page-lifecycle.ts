import type { Lifecycle } from '../../services/chat-session.js';

type LifecycleEvent = 'resume' | 'online' | 'offline';

/**
 * The page events the session needs, from the browser: back to a visible tab, back from the back/forward
 * cache, and network on/off. The session asks the cable whether it is still alive and catches up.
 */
export class PageLifecycle implements Lifecycle {
  get online(): boolean {
    return navigator.onLine !== false;
  }

  subscribe(listener: (event: LifecycleEvent) => void): () => void {
    const listening = new AbortController();
    const options = { signal: listening.signal };
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') listener('resume');
    }, options);
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) listener('resume');
    }, options);
    window.addEventListener('online', () => listener('online'), options);
    window.addEventListener('offline', () => listener('offline'), options);
    return () => listening.abort();
  }
}
