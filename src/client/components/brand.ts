import { useEffect } from 'react';
import { useBrandConfig, type BrandConfig } from '../api/reference.js';

const DEFAULT_BRAND: BrandConfig = {
  name: 'Pilote CTG',
  tagline: 'Conventions territoriales globales',
  organisation: '',
  logoUrl: null,
  stateBrand: false,
};

/**
 * The deployment's brand. Neutral by default (DESIGN §5): the State brand block and the Marianne
 * font are shown only when the server says `stateBrand: true` (the class switches brand.css off).
 */
export function useBrand(): BrandConfig {
  const { data } = useBrandConfig();
  const brand = data ?? DEFAULT_BRAND;
  useEffect(() => {
    document.documentElement.classList.toggle('ctg-state-brand', brand.stateBrand);
  }, [brand.stateBrand]);
  return brand;
}

/** Sets the document title: "<page> — <service>". */
export function usePageTitle(title: string | undefined): void {
  const { data } = useBrandConfig();
  const name = data?.name ?? DEFAULT_BRAND.name;
  useEffect(() => {
    document.title = title ? `${title} — ${name}` : name;
  }, [title, name]);
}
