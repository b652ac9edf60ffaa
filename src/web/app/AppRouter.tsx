/**
 * The browser router: react-router's declarative <Router> over the browser's history, with each
 * navigation in a React transition (the current page stays while the next page's chunk loads) and
 * that transition's pending state offered to the shell, which shows a small loader meanwhile.
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, useTransition, type ReactNode } from 'react';
// react-router exports its history helper as UNSAFE_ (it is what its own BrowserRouter uses).
import { Router, UNSAFE_createBrowserHistory as createBrowserHistory } from 'react-router';

type History = ReturnType<typeof createBrowserHistory>;

const PendingContext = createContext(false);

/** True while a navigation waits for the next page (its chunk, usually). */
export function useNavigationPending(): boolean {
  return useContext(PendingContext);
}

export function AppRouter({ children }: { children: ReactNode }) {
  const historyRef = useRef<History | null>(null);
  historyRef.current ??= createBrowserHistory({ window, v5Compat: true });
  const history = historyRef.current;
  const [state, setState] = useState({ action: history.action, location: history.location });
  const [pending, startTransition] = useTransition();
  useLayoutEffect(
    () => history.listen(({ action, location }) => startTransition(() => setState({ action, location }))),
    [history],
  );
  return (
    <PendingContext value={pending}>
      <Router location={state.location} navigationType={state.action} navigator={history}>
        {children}
      </Router>
    </PendingContext>
  );
}
