import { AsOfBadge } from './components/AsOfBadge';
import { useApiCall } from './hooks/useApiCall';
import { CatalogScreen } from './screens/CatalogScreen';

const EMPTY_INPUT = {};

/** The shell: header with the app's name, navigation and the catalog's as-of date; the screen below. */
export function App() {
  const meta = useApiCall('catalog.meta', EMPTY_INPUT);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">EC2/EBS Planner</h1>
        <nav className="app-nav" aria-label="Screens">
          <a className="nav-item is-active" aria-current="page" href="#catalog">
            Catalog
          </a>
        </nav>
        <div className="header-spacer" />
        <AsOfBadge meta={meta.data} failed={meta.error !== null} />
      </header>
      <CatalogScreen shellErrors={meta.error ? [meta.error] : []} />
    </div>
  );
}
