import { useNavigate } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCoverageByDepartement } from '../../api/coverage.js';

/** Chooses the département of a territorial view (all of France by default); the choice goes into the URL. */
export function ScopeSelect({ departement, to }: { departement?: string; to: (departement?: string) => string }) {
  const navigate = useNavigate();
  const areas = useCoverageByDepartement();
  return (
    <Select
      className="ctg-no-print fr-col-12 fr-col-md-6"
      label="Territoire"
      nativeSelectProps={{ value: departement ?? '', onChange: (e) => navigate(to(e.target.value || undefined)) }}
    >
      <option value="">France entière</option>
      {areas.data?.areas.map((a) => (
        <option key={a.code} value={a.code}>
          {a.name} ({a.code})
        </option>
      ))}
    </Select>
  );
}
