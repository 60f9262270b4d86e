// Storybook (CSF 3) stories of <cw-contact-form>, under a story session (with-session.ts). Saving fails in
// every story (the session reaches no server), which shows the form's error state.
import { html } from 'lit';
import '../components/contact-form/contact-form.js';
import '../components/composer/composer.js';
import { CONTACT, states, storyStyles, withSession } from './with-session.js';

interface Args { fields: string; required: boolean; requiredFields?: string }

const form = (args: Args) => html`${storyStyles}
  <cw-contact-form fields=${args.fields} ?required=${args.required} required-fields=${args.requiredFields ?? ''}></cw-contact-form>`;

const newVisitor = withSession((session) => session.store.patch({ phase: 'ready' }), '');

export default {
  title: 'Elements/cw-contact-form',
  component: 'cw-contact-form',
  args: { fields: 'name email', required: false },
  render: form,
  decorators: [newVisitor],
};

export const NameAndEmail = {};
export const AllFields = { args: { fields: "name email phone attr:order_id|'Order number' attr:plan" } };
export const Required = {
  args: { required: true },
  render: (args: Args) => html`${form(args)}<cw-composer></cw-composer>`,
};
export const RequiredEmailOnly = { args: { fields: 'name email', required: true, requiredFields: 'email' } };
export const PartlyKnown = {
  args: { fields: 'name email phone' },
  decorators: [withSession((session) => session.store.patch({ phase: 'ready', contact: { ...CONTACT, email: null } }), '')],
};
export const Saved = { decorators: [withSession(states.empty, '')] };
export const LongLabels = {
  args: { fields: "name attr:reason|'Please tell us, in as much detail as you like, why you are getting in touch today'" },
};
export const RightToLeft = {
  render: (args: Args) => html`<div dir="rtl" lang="ar">${form(args)}</div>`,
};
export const Dark = {
  render: (args: Args) => html`<div class="story-dark">${form(args)}</div>`,
};
