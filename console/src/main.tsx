import './lib/i18n.ts';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { QueryState } from './components/QueryState.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { AccessPage } from './features/access/AccessPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ContractorPage } from './features/contractors/ContractorPage.tsx';
import { ContractorsPage } from './features/contractors/ContractorsPage.tsx';
import { EditContractorPage } from './features/contractors/EditContractorPage.tsx';
import { ImportContractorsPage } from './features/contractors/ImportContractorsPage.tsx';
import { NewContractorPage } from './features/contractors/NewContractorPage.tsx';
import { InvoicePage } from './features/invoices/InvoicePage.tsx';
import { PriceSchedulePage } from './features/price-schedule/PriceSchedulePage.tsx';
import { NewSitePage } from './features/sites/NewSitePage.tsx';
import { SitePage } from './features/sites/SitePage.tsx';
import { SitesPage } from './features/sites/SitesPage.tsx';
import { CustomerSubscriptionPage } from './features/work/CustomerSubscriptionPage.tsx';
import { CustomerSubscriptionsPage } from './features/work/CustomerSubscriptionsPage.tsx';
import { ImportCustomerSubscriptionsPage } from './features/work/ImportCustomerSubscriptionsPage.tsx';
import { NewCustomerSubscriptionPage } from './features/work/NewCustomerSubscriptionPage.tsx';
import { InvoicesPage } from './features/invoices/InvoicesPage.tsx';
import { WilayaPage } from './features/reference-data/WilayaPage.tsx';
import { WilayasPage } from './features/reference-data/WilayasPage.tsx';
import './styles.css';
import { createUrqlClient } from './urql.ts';

const client = createUrqlClient();

// The dashboard brings its charts library: loaded when first shown, not with every page.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx').then((module) => ({ default: module.DashboardPage })));
// The field view (phones, offline) is a bundle of its own: the office pages never load it.
const FieldRoutes = lazy(() => import('./features/field/FieldRoutes.tsx'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="login" element={<LoginPage />} />
            <Route element={<RequireSession />}>
              <Route
                index
                element={
                  <Suspense fallback={<QueryState fetching retry={() => undefined} />}>
                    <DashboardPage />
                  </Suspense>
                }
              />
              <Route
                path="terrain/*"
                element={
                  <Suspense fallback={<QueryState fetching retry={() => undefined} />}>
                    <FieldRoutes />
                  </Suspense>
                }
              />
              <Route path="wilayas" element={<WilayasPage />} />
              <Route path="contractants" element={<ContractorsPage />} />
              <Route path="contractants/nouveau" element={<NewContractorPage />} />
              <Route path="contractants/import" element={<ImportContractorsPage />} />
              <Route path="contractants/:id" element={<ContractorPage />} />
              <Route path="contractants/:id/modifier" element={<EditContractorPage />} />
              <Route path="acces" element={<AccessPage />} />
              <Route path="sites" element={<SitesPage />} />
              <Route path="sites/nouveau" element={<NewSitePage />} />
              <Route path="sites/:id" element={<SitePage />} />
              <Route path="raccordements" element={<CustomerSubscriptionsPage />} />
              <Route path="raccordements/nouveau" element={<NewCustomerSubscriptionPage />} />
              <Route path="raccordements/import" element={<ImportCustomerSubscriptionsPage />} />
              <Route path="raccordements/:id" element={<CustomerSubscriptionPage />} />
              <Route path="factures" element={<InvoicesPage />} />
              <Route path="factures/:id" element={<InvoicePage />} />
              <Route path="bordereau" element={<PriceSchedulePage />} />
              <Route path="wilayas/:code" element={<WilayaPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
