import { useBrandConfig } from '../../api/reference.js';
import { usePageTitle } from '../../components/brand.js';

export default function AccessibilityPage() {
  usePageTitle('Accessibilité');
  const brand = useBrandConfig().data;
  const name = brand?.name ?? 'Pilote CTG';
  return (
    <>
      <h1>Déclaration d’accessibilité</h1>
      <p>
        {brand?.organisation || 'L’organisme qui exploite ce service'} s’engage à rendre {name} accessible, conformément
        à l’article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <h2>État de conformité</h2>
      <p>
        {name} est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA) : aucun
        audit n’a encore été réalisé. Chaque page est vérifiée automatiquement (axe-core, critères WCAG 2.1 A et AA) et
        peut être utilisée au clavier seul.
      </p>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez le responsable du service pour être
        orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
    </>
  );
}
