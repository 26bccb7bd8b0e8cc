import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useConfirmImport, useExtractFile, useExtractText, type ExtractionWithSource } from '../../api/imports.js';
import { useCafs } from '../../api/reference.js';
import { usePageTitle } from '../../components/brand.js';
import { formatLongDate } from '../../../shared/format.js';
import { paths } from '../../paths.js';
import { SourceText } from './SourceText.js';
import { ReviewForm } from './ReviewForm.js';
import { toConfirmInput } from './values.js';

function describe(c: ExtractionWithSource['conventions'][number], index: number): string {
  const where = c.territories.map((t) => t.name).join(', ') || 'territoire non reconnu';
  const when = c.signatureDate?.length === 10 ? `, signature le ${formatLongDate(c.signatureDate)}` : c.signatureDate ? `, signature en ${c.signatureDate}` : '';
  return `${index + 1}. ${where}${when}${c.planned ? ' (annoncée)' : ''}`;
}

/** Paste or upload a text, review the draft beside the highlighted text, then create the convention. */
export default function ImportPage() {
  usePageTitle('Importer un texte');
  const navigate = useNavigate();
  const cafs = useCafs();
  const extractText = useExtractText();
  const extractFile = useExtractFile();
  const confirm = useConfirmImport();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ExtractionWithSource | null>(null);
  const [chosen, setChosen] = useState(0);
  const error = extractText.error ?? extractFile.error;

  const analyse = async (event: FormEvent) => {
    event.preventDefault();
    extractText.reset();
    extractFile.reset();
    const extraction = file ? await extractFile.mutateAsync(file).catch(() => null) : await extractText.mutateAsync(text).catch(() => null);
    if (extraction) {
      setResult(extraction);
      setChosen(0);
    }
  };

  const draft = result?.conventions[chosen];
  return (
    <>
      <Breadcrumb currentPageLabel="Importer un texte" homeLinkProps={{ to: paths.home }} segments={[{ label: 'Conventions', linkProps: { to: paths.conventions } }]} />
      <h1>Importer une convention depuis un texte</h1>
      {!result && (
        <>
          <p>
            Collez un article (annonce de signature, « Retour Partenaires »…) ou le texte d’une convention, ou choisissez un fichier. Les
            territoires, la Caf, la date et le lieu de signature, les signataires, la période et les projets sont proposés ; vous relisez
            avant que rien ne soit enregistré. Le texte reste sur ce serveur.
          </p>
          {error && <Alert className="fr-mb-3w" severity="error" as="h2" title="Analyse impossible" description={error.message} />}
          <form onSubmit={(event) => void analyse(event)} noValidate>
            <Input
              label="Texte à analyser"
              hintText="Au moins quelques phrases ; les menus et liens copiés avec l’article sont ignorés."
              textArea
              nativeTextAreaProps={{ value: text, onChange: (e) => setText(e.target.value), rows: 14, disabled: file !== null }}
            />
            <Upload
              label="Ou un fichier"
              hint="Formats .txt, .html, .docx ou .pdf contenant du texte ; 5 Mo au plus. Il remplace le texte collé."
              nativeInputProps={{ accept: '.txt,.html,.htm,.docx,.pdf', onChange: (e) => setFile(e.target.files?.[0] ?? null) }}
            />
            <Button className="fr-mt-3w" type="submit" disabled={extractText.isPending || extractFile.isPending || (!file && text.trim().length === 0)}>
              {extractText.isPending || extractFile.isPending ? 'Analyse en cours…' : 'Analyser le texte'}
            </Button>
          </form>
        </>
      )}
      {result && result.conventions.length === 0 && (
        <Alert severity="warning" as="h2" title="Aucune convention reconnue" description="Le texte ne cite ni signature ni territoire reconnu. Vous pouvez créer la convention à la main." />
      )}
      {result && draft && (
        <>
          {result.conventions.length > 1 && (
            <RadioButtons
              legend={`Ce texte décrit ${result.conventions.length} conventions : laquelle créer maintenant ?`}
              hintText="Revenez ensuite à ce texte pour créer les suivantes."
              orientation="horizontal"
              options={result.conventions.map((c, index) => ({
                label: describe(c, index),
                nativeInputProps: { checked: chosen === index, onChange: () => setChosen(index) },
              }))}
            />
          )}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-lg-5">
              <SourceText text={result.text} spans={draft.spans} />
            </div>
            <div className="fr-col-12 fr-col-lg-7">
              {cafs.isPending ? (
                <p>Chargement des Caf…</p>
              ) : (
                <ReviewForm
                  key={chosen}
                  draft={draft}
                  cafs={cafs.data ?? []}
                  onCancel={() => setResult(null)}
                  onConfirm={async (values) => {
                    const created = await confirm.mutateAsync(toConfirmInput(values, result.text, result.sourceName ?? null));
                    await navigate(paths.convention(created.conventionId));
                  }}
                />
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
