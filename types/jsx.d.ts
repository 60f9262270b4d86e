// JSX typings of the cw-* tags for React 19. Load them once, e.g. `import type {} from 'chatwoot-elements/jsx';`
// in the file that imports the elements (or `"types": ["chatwoot-elements/jsx"]` in tsconfig.json).
//
// React 19 passes a prop to a custom element as a property when the element has one by that name (`baseUrl`,
// `maxFiles`, `message`), as an attribute otherwise (`base-url`), and listens to the event `x` for a prop
// `onx` whose value is a function: `oncw-open-change={(event) => …}` listens to `cw-open-change`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CwAttributes, CwElements, CwEventDetail, CwProperties } from './elements.js';

/** `oncw-…` props: React 19 adds the function as a listener of the `cw-…` event. */
type CwEventProps<Events extends keyof CwEventDetail> = {
  [Name in Events as `on${Name}`]?: (event: CustomEvent<CwEventDetail[Name]>) => void;
};

/** The HTML props of the tag's element, its properties, its kebab-case attributes and its events. */
export type CwJsxProps<Tag extends keyof CwElements> =
  Omit<DetailedHTMLProps<HTMLAttributes<CwElements[Tag]['element']>, CwElements[Tag]['element']>, CwElements[Tag]['properties'] | keyof CwAttributes[Tag]>
  & CwProperties<Tag> & CwAttributes[Tag] & CwEventProps<CwElements[Tag]['events']>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cw-chat': CwJsxProps<'cw-chat'>;
      'cw-launcher': CwJsxProps<'cw-launcher'>;
      'cw-message-list': CwJsxProps<'cw-message-list'>;
      'cw-message': CwJsxProps<'cw-message'>;
      'cw-composer': CwJsxProps<'cw-composer'>;
      'cw-contact-form': CwJsxProps<'cw-contact-form'>;
      'cw-widget': CwJsxProps<'cw-widget'>;
    }
  }
}
