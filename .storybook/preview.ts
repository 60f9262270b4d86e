// The elements' API (attributes, properties, methods, events, slots, parts, CSS custom properties) comes from the
// Custom Elements Manifest, which .storybook/main.ts generates: the autodocs pages and the controls read it.
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { manifestArgTypes } from './manifest-arg-types.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    docs: { extractArgTypes: manifestArgTypes },
    layout: 'padded',
  },
};
export default preview;
