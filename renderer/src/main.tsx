import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api-client';
import { ApiContext } from './api-context';
import { App } from './App';
import './styles.css';

const api = createApi();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ApiContext value={api}>
      <App />
    </ApiContext>
  </StrictMode>,
);
