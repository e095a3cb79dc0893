/**
 * Offline check-worthiness: how much a sentence reads like a factual claim worth checking, in [0, 1]
 * (0.5 is the threshold). Synchronous and allocation-light, so the content script can score every
 * sentence of an article. The model is bundled (model-data.ts); nothing is fetched.
 */
import { WorthinessModel } from './model';
import { WORTHINESS_MODEL_DATA } from './model-data';

let model: WorthinessModel | null = null;

/** The bundled model, decoded on first use: 10–35 ms on a page's first run, before the engine has compiled the decoder (docs/check-worthiness.md). */
export function worthinessModel(): WorthinessModel {
  model ??= new WorthinessModel(WORTHINESS_MODEL_DATA);
  return model;
}

export function scoreCheckWorthiness(sentence: string): number {
  return worthinessModel().score(sentence);
}

/** A scorer for the sentences of one text (see WorthinessModel.scorer). */
export function checkWorthinessScorer(): (sentence: string) => number {
  return worthinessModel().scorer();
}
