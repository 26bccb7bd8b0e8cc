import { Suspense, useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { paths } from '../paths.js';
import { useBrand } from './brand.js';
import { Loading } from './PageState.js';
import { useSessionHeader } from './useSessionHeader.js';

export function Layout() {
  const brand = useBrand();
  const { pathname } = useLocation();
  const mainRef = useMainFocusOnNavigation(pathname);
  const session = useSessionHeader();
  const serviceTitle = brand.organisation || brand.name;
  const tagline = brand.organisation ? `${brand.name} · ${brand.tagline}` : brand.tagline;
  const homeLinkProps = { to: paths.home, title: `Accueil — ${brand.name}` };
  const stateBrandTop = (
    <>
      République
      <br />
      française
    </>
  );
  const logo = brand.logoUrl
    ? { orientation: 'horizontal' as const, imgUrl: brand.logoUrl, alt: serviceTitle }
    : undefined;

  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#fr-header-main-navigation' },
          { label: 'Pied de page', anchor: '#fr-footer' },
        ]}
      />
      <Header
        brandTop={brand.stateBrand ? stateBrandTop : serviceTitle}
        classes={brand.stateBrand ? undefined : { root: 'ctg-header--neutral', logo: 'ctg-neutral-logo' }}
        serviceTitle={serviceTitle}
        serviceTagline={tagline}
        homeLinkProps={homeLinkProps}
        operatorLogo={logo}
        quickAccessItems={session.quickAccessItems}
        navigation={[
          { text: 'Accueil', linkProps: { to: paths.home }, isActive: pathname === paths.home },
          {
            text: 'Conventions',
            linkProps: { to: paths.conventions },
            isActive: pathname.startsWith(paths.conventions) && pathname !== paths.newConvention && pathname !== paths.importText,
          },
          {
            text: 'Territoires',
            isActive: pathname.startsWith('/couverture') || pathname.startsWith('/territoires'),
            menuLinks: [
              { text: 'Couverture de la population', linkProps: { to: paths.coverage() }, isActive: pathname === '/couverture' },
              { text: 'Cibles de couverture', linkProps: { to: paths.coverageTargets() }, isActive: pathname === '/couverture/cibles' },
              { text: 'Champs d’intervention par territoire', linkProps: { to: paths.themesMatrix() }, isActive: pathname === '/territoires/champs' },
              { text: 'Calendrier des renouvellements', linkProps: { to: paths.renewals() }, isActive: pathname === '/territoires/renouvellements' },
              { text: 'Données du diagnostic', linkProps: { to: paths.diagnostics() }, isActive: pathname === '/territoires/donnees' },
            ],
          },
          { text: 'Actualités', linkProps: { to: paths.news }, isActive: pathname.startsWith(paths.news) || pathname.startsWith('/ctg/') },
          ...(session.signedIn
            ? [
                { text: 'Mon suivi', linkProps: { to: paths.myFollowUp }, isActive: pathname === paths.myFollowUp },
                { text: 'Recherche', linkProps: { to: paths.search }, isActive: pathname === paths.search },
              ]
            : []),
          { text: 'Données ouvertes', linkProps: { to: paths.openData }, isActive: pathname === paths.openData },
          ...(session.canCreateConvention
            ? [
                { text: 'Nouvelle convention', linkProps: { to: paths.newConvention }, isActive: pathname === paths.newConvention },
                { text: 'Importer un texte', linkProps: { to: paths.importText }, isActive: pathname === paths.importText },
                { text: 'Rédaction', linkProps: { to: paths.newsDesk }, isActive: pathname.startsWith(paths.newsDesk) },
                { text: 'Campagnes', linkProps: { to: paths.campaigns }, isActive: pathname.startsWith(paths.campaigns) },
              ]
            : []),
          ...(session.canAdministrate
            ? [{ text: 'Administration', linkProps: { to: paths.administration }, isActive: pathname.startsWith(paths.administration) }]
            : []),
        ]}
      />
      <main id="contenu" tabIndex={-1} ref={mainRef} className="fr-container fr-py-6w ctg-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        accessibility="non compliant"
        accessibilityLinkProps={{ to: paths.accessibility }}
        brandTop={brand.stateBrand ? stateBrandTop : serviceTitle}
        homeLinkProps={homeLinkProps}
        classes={brand.stateBrand ? undefined : { logo: 'ctg-neutral-footer-logo' }}
        operatorLogo={logo}
        contentDescription={`${brand.name} : piloter les conventions territoriales globales (CTG) avec les collectivités partenaires, du diagnostic au renouvellement.${brand.organisation ? ` Service proposé par : ${brand.organisation}.` : ''}`}
        domains={brand.stateBrand ? undefined : []}
        license={<>{brand.name} est un logiciel libre publié sous licence MIT.</>}
        bottomItems={[headerFooterDisplayItem]}
      />
      <ScrollRestoration />
    </>
  );
}

/** After a client-side navigation, move the focus to the main content so screen readers start there. */
function useMainFocusOnNavigation(pathname: string) {
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);
  return mainRef;
}
