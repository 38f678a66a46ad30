import { useMemo, useState } from 'react';
import { CatalogRevisionContext } from './catalog-revision';
import { AsOfBadge } from './components/AsOfBadge';
import { useApiCall } from './hooks/useApiCall';
import { useHashRoute } from './hooks/useHashRoute';
import { SCREENS } from './screens/registry';

const EMPTY_INPUT = {};
const SCREEN_IDS = SCREENS.map((s) => s.id);

/** The shell: header with the app's name, navigation and the catalog's as-of date; the screen below. */
export function App() {
  const [revision, setRevision] = useState(0);
  const catalogRevision = useMemo(() => ({ revision, bump: () => setRevision((r) => r + 1) }), [revision]);
  const meta = useApiCall('catalog.meta', EMPTY_INPUT, revision);
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
          <AsOfBadge meta={meta.data} failed={meta.error !== null} />
        </header>
        <Screen shellErrors={meta.error ? [meta.error] : []} />
      </div>
    </CatalogRevisionContext>
  );
}
