// The base of every screen and component: light DOM (the application's CSS applies and tests
// find elements by id), re-rendered when the language changes.
import { LitElement } from 'lit';
import { onLanguageChange } from '../i18n.js';

export class Screen extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._offLanguage = onLanguageChange(() => this.languageChanged());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._offLanguage?.();
  }

  /** Re-renders with the new messages; screens that show server text may reload it too. */
  languageChanged() {
    this.requestUpdate();
  }
}
