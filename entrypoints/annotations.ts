/**
 * The annotation code of the content script (store, validation, migrations, anchoring, saving),
 * loaded only on pages that have annotations or when the reader saves one (features/lazy/).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { anchorMany } from '../core/anchoring/anchor';
import { createAnnotationStore } from '../core/annotations/store';
import { createAnnotationActions } from '../features/annotation-actions';
import { provideLazyModule } from '../features/lazy/registry';

export default defineUnlistedScript(() => {
  provideLazyModule('annotations', { anchorMany, createAnnotationStore, createAnnotationActions });
});
