// The chart web components ship without type declarations: their modules register custom elements.
declare module '@gouvfr/dsfr-chart/LineChart';
declare module '@gouvfr/dsfr-chart/LineChart.css';

declare namespace React {
  namespace JSX {
    interface IntrinsicElements {
      'line-chart': {
        x: string;
        y: string;
        name?: string;
        'unit-tooltip'?: string;
        'y-min'?: string;
        'y-max'?: string;
        'selected-palette'?: string;
        'aria-hidden'?: boolean | 'true' | 'false';
        class?: string;
      };
    }
  }
}
