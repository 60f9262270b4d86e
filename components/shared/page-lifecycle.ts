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
    const handleVisibility = () => {
      if (document.visibilityState === 'visible') listener('resume');
    };
    const handlePageShow = (event: PageTransitionEvent) => {
      if (event.persisted) listener('resume');
    };
    const handleOnline = () => listener('online');
    const handleOffline = () => listener('offline');
    document.addEventListener('visibilitychange', handleVisibility);
    window.addEventListener('pageshow', handlePageShow);
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    return () => {
      document.removeEventListener('visibilitychange', handleVisibility);
      window.removeEventListener('pageshow', handlePageShow);
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
    };
  }
}
