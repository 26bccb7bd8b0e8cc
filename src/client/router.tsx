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
const CoveragePage = lazy(() => import('./pages/Coverage/CoveragePage.js'));
const ThemesMatrixPage = lazy(() => import('./pages/TerritoriesMatrix/ThemesMatrixPage.js'));
const RenewalsPage = lazy(() => import('./pages/TerritoriesRenewals/RenewalsPage.js'));
const DiagnosticsPage = lazy(() => import('./pages/Diagnostics/DiagnosticsPage.js'));
const CoverageTargetsPage = lazy(() => import('./pages/CoverageTargets/CoverageTargetsPage.js'));
const ImportPage = lazy(() => import('./pages/Import/ImportPage.js'));
const ActionPage = lazy(() => import('./pages/Action/ActionPage.js'));
const ReviewsPage = lazy(() => import('./pages/Reviews/ReviewsPage.js'));
const ReviewPage = lazy(() => import('./pages/Reviews/ReviewPage.js'));
const AmendmentsPage = lazy(() => import('./pages/Amendments/AmendmentsPage.js'));
const FollowUpPage = lazy(() => import('./pages/FollowUp/FollowUpPage.js'));
const AccessibilityPage = lazy(() => import('./pages/Accessibility/AccessibilityPage.js'));
const NewsPage = lazy(() => import('./pages/News/NewsPage.js'));
const NewsArticlePage = lazy(() => import('./pages/NewsArticle/NewsArticlePage.js'));
const PublicConventionPage = lazy(() => import('./pages/NewsConvention/PublicConventionPage.js'));
const NewsDeskPage = lazy(() => import('./pages/NewsDesk/NewsDeskPage.js'));
const NewsEditorPage = lazy(() => import('./pages/NewsEditor/NewsEditorPage.js'));
const ConventionFilesPage = lazy(() => import('./pages/ExportsConvention/ConventionFilesPage.js'));
const OpenDataPage = lazy(() => import('./pages/ExportsOpenData/OpenDataPage.js'));
const GovernancePage = lazy(() => import('./pages/Governance/GovernancePage.js'));
const MeetingPage = lazy(() => import('./pages/Governance/MeetingPage.js'));
const PackPage = lazy(() => import('./pages/Governance/PackPage.js'));
const NotificationsPage = lazy(() => import('./pages/Notifications/NotificationsPage.js'));
const CampaignsPage = lazy(() => import('./pages/Campaigns/CampaignsPage.js'));
const CampaignPage = lazy(() => import('./pages/Campaigns/CampaignPage.js'));
const NotFoundPage = lazy(() => import('./pages/NotFound/NotFoundPage.js'));
const LoginPage = lazy(() => import('./pages/AuthLogin/LoginPage.js'));
const ForgottenPasswordPage = lazy(() => import('./pages/AuthPassword/ForgottenPasswordPage.js'));
const ResetPasswordPage = lazy(() => import('./pages/AuthPassword/ResetPasswordPage.js'));
const InvitationPage = lazy(() => import('./pages/AuthInvitation/InvitationPage.js'));
const AccountPage = lazy(() => import('./pages/AuthAccount/AccountPage.js'));
const AdministrationPage = lazy(() => import('./pages/AdminAccounts/AdministrationPage.js'));
const MyFollowUpPage = lazy(() => import('./pages/MyFollowUp/MyFollowUpPage.js'));
const SecurityLogPage = lazy(() => import('./pages/AdminSecurityLog/SecurityLogPage.js'));
const UsersPage = lazy(() => import('./pages/AdminUsers/UsersPage.js'));
const PersonalDataPage = lazy(() => import('./pages/AdminPersonalData/PersonalDataPage.js'));
const SearchPage = lazy(() => import('./pages/Search/SearchPage.js'));
const WebhooksPage = lazy(() => import('./pages/AdminWebhooks/WebhooksPage.js'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'conventions', element: <ConventionsPage /> },
      { path: 'conventions/:id', element: <ConventionPage /> },
      { path: 'actions/:id', element: <ActionPage /> },
      { path: 'couverture', element: <CoveragePage /> },
      { path: 'territoires/champs', element: <ThemesMatrixPage /> },
      { path: 'territoires/renouvellements', element: <RenewalsPage /> },
      { path: 'territoires/donnees', element: <DiagnosticsPage /> },
      { path: 'couverture/cibles', element: <CoverageTargetsPage /> },
      { path: 'actualites', element: <NewsPage /> },
      { path: 'actualites/:slug', element: <NewsArticlePage /> },
      { path: 'ctg/:id', element: <PublicConventionPage /> },
      { path: 'accessibilite', element: <AccessibilityPage /> },
      { path: 'donnees-ouvertes', element: <OpenDataPage /> },
      { path: 'connexion', element: <LoginPage /> },
      { path: 'mot-de-passe-oublie', element: <ForgottenPasswordPage /> },
      { path: 'mot-de-passe/:token', element: <ResetPasswordPage /> },
      { path: 'invitation/:token', element: <InvitationPage /> },
      {
        // Forms, follow-up work and personal pages: anonymous visitors go to the sign-in page and come back.
        element: <RequireSignIn />,
        children: [
          { path: 'conventions/nouvelle', element: <NewConventionPage /> },
          { path: 'conventions/importer', element: <ImportPage /> },
          { path: 'conventions/:id/modifier', element: <EditConventionPage /> },
          { path: 'conventions/:id/actions/nouvelle', element: <NewActionPage /> },
          { path: 'actions/:id/modifier', element: <EditActionPage /> },
          { path: 'conventions/:id/bilans', element: <ReviewsPage /> },
          { path: 'bilans/:id', element: <ReviewPage /> },
          { path: 'conventions/:id/avenants', element: <AmendmentsPage /> },
          { path: 'conventions/:id/suivi', element: <FollowUpPage /> },
          { path: 'conventions/:id/fichiers', element: <ConventionFilesPage /> },
          { path: 'conventions/:id/gouvernance', element: <GovernancePage /> },
          { path: 'reunions/:id', element: <MeetingPage /> },
          { path: 'reunions/:id/dossier', element: <PackPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'campagnes', element: <CampaignsPage /> },
          { path: 'campagnes/:id', element: <CampaignPage /> },
          { path: 'redaction', element: <NewsDeskPage /> },
          { path: 'redaction/:id', element: <NewsEditorPage /> },
          { path: 'mon-compte', element: <AccountPage /> },
          { path: 'mon-suivi', element: <MyFollowUpPage /> },
          { path: 'recherche', element: <SearchPage /> },
          { path: 'administration', element: <AdministrationPage /> },
          { path: 'administration/journal', element: <SecurityLogPage /> },
          { path: 'administration/utilisateurs', element: <UsersPage /> },
          { path: 'administration/donnees-personnelles', element: <PersonalDataPage /> },
          { path: 'administration/webhooks', element: <WebhooksPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
