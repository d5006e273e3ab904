import './lib/i18n.ts';
import { lazy, StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import './styles.css';
import { createUrqlClient } from './urql.ts';

const client = createUrqlClient();

/** A page component loaded when first shown, from the module `load` imports and its export `name`. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// Every page is loaded when first shown (the Layout waits for it in a Suspense): the field view
// (phones, offline) never loads the office pages, the office pages never load the field view, and
// the dashboard's charts library comes only with the dashboard.
const ForgotPasswordPage = page(() => import('./features/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage');
const DashboardPage = page(() => import('./features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const FieldRoutes = lazy(() => import('./features/field/FieldRoutes.tsx'));
const AcceptanceQueuePage = page(() => import('./features/acceptance/AcceptanceQueuePage.tsx'), 'AcceptanceQueuePage');
const AccessPage = page(() => import('./features/access/AccessPage.tsx'), 'AccessPage');
const ContractorPage = page(() => import('./features/contractors/ContractorPage.tsx'), 'ContractorPage');
const ContractorsPage = page(() => import('./features/contractors/ContractorsPage.tsx'), 'ContractorsPage');
const EditContractorPage = page(() => import('./features/contractors/EditContractorPage.tsx'), 'EditContractorPage');
const ImportContractorsPage = page(
  () => import('./features/contractors/ImportContractorsPage.tsx'),
  'ImportContractorsPage',
);
const NewContractorPage = page(() => import('./features/contractors/NewContractorPage.tsx'), 'NewContractorPage');
const InvoicePage = page(() => import('./features/invoices/InvoicePage.tsx'), 'InvoicePage');
const PriceSchedulePage = page(() => import('./features/price-schedule/PriceSchedulePage.tsx'), 'PriceSchedulePage');
const ServiceLevelsPage = page(() => import('./features/service-levels/ServiceLevelsPage.tsx'), 'ServiceLevelsPage');
const ScorecardsPage = page(() => import('./features/scorecards/ScorecardsPage.tsx'), 'ScorecardsPage');
const NewSitePage = page(() => import('./features/sites/NewSitePage.tsx'), 'NewSitePage');
const SitePage = page(() => import('./features/sites/SitePage.tsx'), 'SitePage');
const SitesPage = page(() => import('./features/sites/SitesPage.tsx'), 'SitesPage');
const CustomerSubscriptionPage = page(
  () => import('./features/work/CustomerSubscriptionPage.tsx'),
  'CustomerSubscriptionPage',
);
const CustomerSubscriptionsPage = page(
  () => import('./features/work/CustomerSubscriptionsPage.tsx'),
  'CustomerSubscriptionsPage',
);
const ImportCustomerSubscriptionsPage = page(
  () => import('./features/work/ImportCustomerSubscriptionsPage.tsx'),
  'ImportCustomerSubscriptionsPage',
);
const NewCustomerSubscriptionPage = page(
  () => import('./features/work/NewCustomerSubscriptionPage.tsx'),
  'NewCustomerSubscriptionPage',
);
const InvoicesPage = page(() => import('./features/invoices/InvoicesPage.tsx'), 'InvoicesPage');
const WilayaPage = page(() => import('./features/reference-data/WilayaPage.tsx'), 'WilayaPage');
const WilayasPage = page(() => import('./features/reference-data/WilayasPage.tsx'), 'WilayasPage');
const WebhooksPage = page(() => import('./features/webhooks/WebhooksPage.tsx'), 'WebhooksPage');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="login" element={<LoginPage />} />
            <Route path="mot-de-passe-oublie" element={<ForgotPasswordPage />} />
            <Route path="nouveau-mot-de-passe" element={<ResetPasswordPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<DashboardPage />} />
              <Route path="terrain/*" element={<FieldRoutes />} />
              <Route path="wilayas" element={<WilayasPage />} />
              <Route path="contractants" element={<ContractorsPage />} />
              <Route path="contractants/nouveau" element={<NewContractorPage />} />
              <Route path="contractants/import" element={<ImportContractorsPage />} />
              <Route path="contractants/:id" element={<ContractorPage />} />
              <Route path="contractants/:id/modifier" element={<EditContractorPage />} />
              <Route path="acces" element={<AccessPage />} />
              <Route path="webhooks" element={<WebhooksPage />} />
              <Route path="sites" element={<SitesPage />} />
              <Route path="sites/nouveau" element={<NewSitePage />} />
              <Route path="sites/:id" element={<SitePage />} />
              <Route path="raccordements" element={<CustomerSubscriptionsPage />} />
              <Route path="raccordements/nouveau" element={<NewCustomerSubscriptionPage />} />
              <Route path="raccordements/import" element={<ImportCustomerSubscriptionsPage />} />
              <Route path="raccordements/:id" element={<CustomerSubscriptionPage />} />
              <Route path="reception" element={<AcceptanceQueuePage />} />
              <Route path="factures" element={<InvoicesPage />} />
              <Route path="factures/:id" element={<InvoicePage />} />
              <Route path="bordereau" element={<PriceSchedulePage />} />
              <Route path="niveaux-de-service" element={<ServiceLevelsPage />} />
              <Route path="tableau-de-bord-qualite" element={<ScorecardsPage />} />
              <Route path="wilayas/:code" element={<WilayaPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
