// The application shell: header with the navigation the account may use, the language switch,
// logout, and the current screen in <main>. Loads the messages and restores the tab's session
// before the first render.
import { html, nothing } from 'lit';
import { Screen } from './components/screen.js';
import { loadMessages, setLanguage, currentLanguage, t } from './i18n.js';
import * as session from './session.js';
import { allRoutes, allowed, current, navigate, onRouteChange } from './router.js';
import './routes.js';

class App extends Screen {
  static properties = { _screen: { state: true }, _account: { state: true }, _menuOpen: { state: true }, _ready: { state: true } };

  constructor() {
    super();
    this._account = null;
    this._screen = null;
    this._menuOpen = false;
  }

  async connectedCallback() {
    super.connectedCallback();
    session.onSessionChange((account) => {
      this._account = account;
      if (!account) navigate('/login');
    });
    onRouteChange(() => this.show());
    await loadMessages();
    this._account = await session.restore();
    this._ready = true;
    this.show();
  }

  /** The first screen of an account: its first navigation entry. */
  home() {
    const first = this.navRoutes()[0];
    return first ? first.path : '/login';
  }

  navRoutes() {
    return allRoutes()
      .filter((r) => r.nav && allowed(r, this._account))
      .sort((a, b) => (a.navOrder || 0) - (b.navOrder || 0));
  }

  async show() {
    const location = current();
    const { route } = location;
    this._menuOpen = false;
    if (location.path === '/' || !route) {
      if (location.path !== '/' && this._account) {
        this.render404();
        return;
      }
      navigate(this._account ? this.home() : '/login');
      return;
    }
    if (!route.public && !this._account) {
      navigate('/login');
      return;
    }
    if (route.public && this._account && route.path === '/login') {
      navigate(this.home());
      return;
    }
    if (!allowed(route, this._account)) {
      this._screen = html`<h1 class="heading-l" tabindex="-1">${t('forbidden.title')}</h1>
        <p class="body">${t('forbidden.text')}</p>
        <p class="body"><a href="#${this.home()}">${t('forbidden.back')}</a></p>`;
      document.title = `${t('forbidden.title')} – PortPass`;
      return;
    }
    try {
      await route.load();
    } catch (error) {
      console.error(error);
      this._screen = html`<h1 class="heading-l">${t('error.unexpected')}</h1>`;
      return;
    }
    const element = document.createElement(route.tag);
    element.params = location.params;
    element.query = location.query;
    this._screen = element;
    document.title = `${t(route.title)} – ${t('app.name')}`;
    await this.updateComplete;
    window.scrollTo(0, 0);
  }

  render404() {
    this._screen = html`<h1 class="heading-l">${t('notFound.title')}</h1>
      <p class="body"><a href="#${this.home()}">${t('forbidden.back')}</a></p>`;
  }

  render() {
    if (!this._ready) return nothing;
    const nav = this._account ? this.navRoutes() : [];
    const path = current().path;
    return html`<a class="skip-link" href="#" @click=${this.skip}>${t('app.skip')}</a>
      <header class="header">
        <div class="header__inner">
          <a class="header__name" href="#/">${t('app.name')}</a>
          <div class="header__tools">
            <button
              class="link-button"
              id="language-switch"
              lang="${currentLanguage() === 'zh-TW' ? 'en' : 'zh-TW'}"
              @click=${() => setLanguage(currentLanguage() === 'zh-TW' ? 'en' : 'zh-TW')}
            >
              ${currentLanguage() === 'zh-TW' ? 'English' : '中文'}
            </button>
            ${this._account
              ? html`<span class="header__account" id="account-name">${this._account.username}</span>
                  <button class="link-button" id="logout" @click=${() => session.logout()}>${t('app.logout')}</button>`
              : nothing}
          </div>
        </div>
        ${nav.length
          ? html`<nav class="nav" aria-label="${t('app.navigation')}">
              <button
                class="nav__toggle"
                aria-expanded="${this._menuOpen ? 'true' : 'false'}"
                aria-controls="nav-list"
                @click=${() => (this._menuOpen = !this._menuOpen)}
              >
                ${t('app.menu')}
              </button>
              <ul class="nav__list ${this._menuOpen ? 'nav__list--open' : ''}" id="nav-list">
                ${nav.map(
                  (r) => html`<li>
                    <a
                      class="nav__link"
                      id="nav-${r.path.slice(1).replace(/\//g, '-')}"
                      href="#${r.path}"
                      aria-current="${path === r.path || path.startsWith(`${r.path}/`) ? 'page' : 'false'}"
                      >${t(r.nav)}</a
                    >
                  </li>`,
                )}
              </ul>
            </nav>`
          : nothing}
      </header>
      <main class="main" id="main" tabindex="-1">${this._screen ?? html`<p class="body">${t('app.loading')}</p>`}</main>
      <footer class="footer"><p>${t('app.footer')}</p></footer>`;
  }

  skip(event) {
    event.preventDefault();
    this.querySelector('#main').focus();
  }
}

customElements.define('pp-app', App);
