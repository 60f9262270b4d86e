// Names the widget and its panel share: the widget needs them at once, the panel's code loads on first opening.
export const PANEL_ID = 'cw-panel';

/** Every part of the inner elements, re-exported from the widget with the element's name as prefix. */
const prefixed = (prefix: string, parts: string) => parts.split(' ').map((part) => `${part}: ${prefix}-${part}`).join(', ');
export const EXPORTED_PARTS = {
  launcher: prefixed('launcher', 'button icon label badge'),
  messageList: prefixed('message-list', 'log day-separator typing jump-button notice state reload-button drop-zone bubble'
    + ' author avatar time status attachment upload cancel-button viewer retry-button discard-button activity'),
  composer: prefixed('composer', 'form input send-button reason error attach-button files file remove-button file-error drop-zone'),
  contactForm: prefixed('contact-form', 'form intro field label input error submit-button status'),
};
