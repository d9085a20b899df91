import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { localizeIconLabels } from './lib/iconLabels';
import { queryClient } from './lib/queryClient';
import './styles/base.css';
import './styles/cases.css';
import './styles/leaders-admin.css';
import './styles/ledgers-print.css';

localizeIconLabels();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
