// The elements' API (attributes, properties, events, slots, parts, CSS custom properties) comes from the
// Custom Elements Manifest, which .storybook/main.ts generates: Storybook's controls and docs read it.
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};
export default preview;
