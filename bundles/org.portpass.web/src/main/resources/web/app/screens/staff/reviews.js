// The review queues of the signed-in port staff: one row per port and stage they decide at, with
// the number of lines waiting. A person with a single queue goes straight to it.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { portName } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { ports } from '../../ports.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';
import { queuesOf } from './common.js';

export class Reviews extends Screen {
  static properties = { _queues: { state: true }, _ports: { state: true }, _error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this._ports = await ports().catch(() => []);
    const queues = queuesOf(currentAccount());
    if (queues.length === 1) {
      navigate(`/reviews/${queues[0].port}/${queues[0].stage}`);
      return;
    }
    try {
      this._queues = await Promise.all(
        queues.map(async (q) => ({ ...q, total: (await api.get(`/reviews/${q.port}/${q.stage}`, { size: 1 })).total })),
      );
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  render() {
    return html`<h1 class="heading-l">${t('reviews.title')}</h1>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${!this._queues
        ? html`<p class="body">${t('app.loading')}</p>`
        : this._queues.length === 0
          ? html`<p class="body">${t('reviews.noQueues')}</p>`
          : html`<div class="table-wrap"><table class="table" id="queues">
              <caption class="visually-hidden">${t('reviews.title')}</caption>
              <thead><tr><th scope="col">${t('reviews.port')}</th><th scope="col">${t('reviews.stage')}</th><th scope="col">${t('reviews.waiting')}</th></tr></thead>
              <tbody>
                ${this._queues.map(
                  (q) => html`<tr>
                    <td>${portName(this._ports, q.port)}</td>
                    <td><a id="queue-${q.port}-${q.stage}" href="#/reviews/${q.port}/${q.stage}">${tEnum('Stage', q.stage)}</a></td>
                    <td>${q.total}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`}`;
  }
}
customElements.define('pp-reviews', Reviews);
