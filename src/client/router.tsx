import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.js';
import { RequireSignIn } from './components/RequireSignIn.js';

// One lazy chunk per page, so the first load carries only the layout and the page shown.
const HomePage = lazy(() => import('./pages/Home/HomePage.js'));
const ConventionsPage = lazy(() => import('./pages/Conventions/ConventionsPage.js'));
const ConventionPage = lazy(() => import('./pages/Convention/ConventionPage.js'));
const NewConventionPage = lazy(() => import('./pages/ConventionForm/NewConventionPage.js'));
const EditConventionPage = lazy(() => import('./pages/ConventionForm/EditConventionPage.js'));
const NewActionPage = lazy(() => import('./pages/ActionForm/NewActionPage.js'));
const EditActionPage = lazy(() => import('./pages/ActionForm/EditActionPage.js'));
const AccessibilityPage = lazy(() => import('./pages/Accessibility/AccessibilityPage.js'));
const NotFoundPage = lazy(() => import('./pages/NotFound/NotFoundPage.js'));
const LoginPage = lazy(() => import('./pages/AuthLogin/LoginPage.js'));
const ForgottenPasswordPage = lazy(() => import('./pages/AuthPassword/ForgottenPasswordPage.js'));
const ResetPasswordPage = lazy(() => import('./pages/AuthPassword/ResetPasswordPage.js'));
const InvitationPage = lazy(() => import('./pages/AuthInvitation/InvitationPage.js'));
const AccountPage = lazy(() => import('./pages/AuthAccount/AccountPage.js'));
const AdministrationPage = lazy(() => import('./pages/AdminAccounts/AdministrationPage.js'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'conventions', element: <ConventionsPage /> },
      { path: 'conventions/:id', element: <ConventionPage /> },
      { path: 'accessibilite', element: <AccessibilityPage /> },
      { path: 'connexion', element: <LoginPage /> },
      { path: 'mot-de-passe-oublie', element: <ForgottenPasswordPage /> },
      { path: 'mot-de-passe/:token', element: <ResetPasswordPage /> },
      { path: 'invitation/:token', element: <InvitationPage /> },
      {
        // Forms and personal pages: anonymous visitors go to the sign-in page and come back.
        element: <RequireSignIn />,
        children: [
          { path: 'conventions/nouvelle', element: <NewConventionPage /> },
          { path: 'conventions/:id/modifier', element: <EditConventionPage /> },
          { path: 'conventions/:id/actions/nouvelle', element: <NewActionPage /> },
          { path: 'actions/:id/modifier', element: <EditActionPage /> },
          { path: 'mon-compte', element: <AccountPage /> },
          { path: 'administration', element: <AdministrationPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
