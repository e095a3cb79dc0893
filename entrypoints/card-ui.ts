/**
 * The card's user interface (Preact, the card, the editor), loaded by the content script when a card
 * first opens, so pages where nobody opens a card never pay for it (features/lazy/).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardUi } from '../features/card-ui/render-card';
import { provideLazyModule } from '../features/lazy/registry';

export default defineUnlistedScript(() => {
  provideLazyModule('card-ui', cardUi);
});
