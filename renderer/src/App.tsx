import { useMemo, useState } from 'react';
import { CatalogRevisionContext } from './catalog-revision';
import { AsOfBadge } from './components/AsOfBadge';
import { useApiCall } from './hooks/useApiCall';
import { useHashRoute } from './hooks/useHashRoute';
import { SCREENS } from './screens/registry';

const EMPTY_INPUT = {};
const SCREEN_IDS = SCREENS.map((s) => s.id);

/** The shell: header with the app's name, navigation and the catalog's price dates; the screen below. */
export function App() {
  const [revision, setRevision] = useState(0);
  const catalogRevision = useMemo(() => ({ revision, bump: () => setRevision((r) => r + 1) }), [revision]);
  // data.status carries the catalog's meta and, when the imported catalog could not be used, why.
  const status = useApiCall('data.status', EMPTY_INPUT, revision);
  const [route] = useHashRoute(SCREEN_IDS, SCREENS[0]!.id);
  const screen = SCREENS.find((s) => s.id === route) ?? SCREENS[0]!;
  const Screen = screen.component;

  return (
    <CatalogRevisionContext value={catalogRevision}>
      <div className="app">
        <header className="app-header">
          <h1 className="app-name">EC2/EBS Planner</h1>
          <nav className="app-nav" aria-label="Screens">
            {SCREENS.map((s) => (
              <a
                key={s.id}
                className={s.id === screen.id ? 'nav-item is-active' : 'nav-item'}
                aria-current={s.id === screen.id ? 'page' : undefined}
                href={`#${s.id}`}
                data-testid={`nav-${s.id}`}
              >
                {s.label}
              </a>
            ))}
          </nav>
          <div className="header-spacer" />
          <AsOfBadge
            meta={status.data?.meta}
            problem={status.data?.catalogProblem ?? null}
            failed={status.error !== null}
          />
        </header>
        <Screen shellErrors={status.error ? [status.error] : []} />
      </div>
    </CatalogRevisionContext>
  );
}
