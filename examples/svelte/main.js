// Mounts the Svelte example (App.svelte, compiled by examples/build.mjs).
import { mount as mountComponent, unmount } from 'svelte';
import App from './App.svelte';

/** Renders the example into `container`; `unmount()` removes it. */
export function mount(container, options) {
  const app = mountComponent(App, { target: container, props: options });
  return { unmount: () => unmount(app) };
}
