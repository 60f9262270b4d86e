// Vue typings of the cw-* tags (for vue-tsc / Volar): `import type {} from 'chatwoot-elements/vue';` once.
// Tell Vue's compiler the tags are custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('cw-')`.
//
// Vue sets a property when the element has one by the (camelCased) name, so `:base-url="url"` sets `baseUrl` and
// `:max-files="3"` sets `maxFiles`; `@cw-open-change="…"` listens to the `cw-open-change` event (typed here as
// the `onCwOpenChange` prop that Vue's tooling maps it to).
import type { DefineComponent } from 'vue';
import type { CwElements, CwEventDetail, CwProperties } from './elements.js';

type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Name;

/** `@cw-…` listeners, as the `onCw…` props Vue's tooling checks them against. */
type CwEventProps<Events extends keyof CwEventDetail> = {
  [Name in Events as `on${Capitalize<Camel<Name>>}`]?: (event: CustomEvent<CwEventDetail[Name]>) => void;
};

export type CwVueComponent<Tag extends keyof CwElements> = DefineComponent<CwProperties<Tag> & CwEventProps<CwElements[Tag]['events']>>;

declare module 'vue' {
  interface GlobalComponents {
    'cw-chat': CwVueComponent<'cw-chat'>;
    'cw-launcher': CwVueComponent<'cw-launcher'>;
    'cw-message-list': CwVueComponent<'cw-message-list'>;
    'cw-message': CwVueComponent<'cw-message'>;
    'cw-composer': CwVueComponent<'cw-composer'>;
    'cw-contact-form': CwVueComponent<'cw-contact-form'>;
    'cw-widget': CwVueComponent<'cw-widget'>;
  }
}
