import { useState } from 'preact/hooks';
import {
  exportAnnotationCollection,
  exportClaimReviews,
  importJsonLd,
  type ImportReport,
} from '../../core/annotations/import-export';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import type { PopupDeps } from './deps';
import { exportFileName, hostOf, isOnPage, pluralise } from './logic';
import { messageOf } from './use-library';

interface DataTabProps {
  deps: Pick<PopupDeps, 'store' | 'download' | 'openInTab' | 'now'>;
  annotations: readonly Annotation[];
  sources: readonly SourceNote[];
  /** Canonical URL of the described page, '' when there is none. */
  pageSource: string;
  /** Ids of stored records the store could not read. */
  corrupt: readonly string[];
  notify(message: string): void;
}

export function DataTab({ deps, annotations, sources, pageSource, corrupt, notify }: DataTabProps) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importing, setImporting] = useState(false);
  const now = () => deps.now?.() ?? new Date();

  const pageAnnotations = annotations.filter((a) => isOnPage(a, pageSource));
  const pageSourceIds = new Set(pageAnnotations.flatMap((a) => a.body.sources));
  const pageSources = sources.filter((s) => pageSourceIds.has(s.id));
  const pageScope = hostOf(pageSource) || 'page';

  const exportCollection = (scope: 'all' | 'page') => {
    try {
      const [list, cited] = scope === 'all' ? [annotations, sources] : [pageAnnotations, pageSources];
      const collection =
        scope === 'all'
          ? exportAnnotationCollection(annotations, sources, { now: now() })
          : exportAnnotationCollection(annotations, sources, { source: pageSource, now: now() });
      deps.download(exportFileName(scope === 'all' ? 'all' : pageScope, now()), collection);
      notify(`Exported ${pluralise(list.length, 'annotation')} and ${pluralise(cited.length, 'source')}`);
    } catch (error) {
      notify(`Export failed: ${messageOf(error)}`);
    }
  };

  const exportReviews = (scope: 'all' | 'page') => {
    try {
      const list = scope === 'all' ? annotations : pageAnnotations;
      const reviews = exportClaimReviews(list, sources);
      deps.download(exportFileName(`claimreview-${scope === 'all' ? 'all' : pageScope}`, now()), reviews);
      notify(`Exported ${pluralise(reviews.length, 'ClaimReview')}`);
    } catch (error) {
      notify(`Export failed: ${messageOf(error)}`);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    setReport(null);
    try {
      setReport(await importJsonLd(deps.store, await file.text()));
    } catch (error) {
      setReport({ ok: false, error: `Import failed: ${messageOf(error)}`, added: 0, updated: 0, skipped: 0, invalid: 0 });
    } finally {
      setImporting(false);
      // Let the same file be chosen again after fixing it.
      input.value = '';
    }
  };

  return (
    <section class="data" aria-label="Import and export">
      <h2 class="section-title">Export Web Annotations</h2>
      <p class="hint">W3C JSON-LD with notes, tags and sources; it can be imported back.</p>
      <div class="button-grid">
        <button type="button" class="button" data-testid="export-all" disabled={annotations.length + sources.length === 0} onClick={() => exportCollection('all')}>
          All annotations
        </button>
        <button type="button" class="button" data-testid="export-page" disabled={pageAnnotations.length === 0} onClick={() => exportCollection('page')}>
          This page only
        </button>
      </div>
      <h2 class="section-title">Export ClaimReview</h2>
      <p class="hint">schema.org JSON-LD of your verdicts, for publishing.</p>
      <div class="button-grid">
        <button type="button" class="button" data-testid="export-claimreview" disabled={annotations.length === 0} onClick={() => exportReviews('all')}>
          All verdicts
        </button>
        <button
          type="button"
          class="button"
          data-testid="export-claimreview-page"
          disabled={pageAnnotations.length === 0}
          onClick={() => exportReviews('page')}
        >
          This page's verdicts
        </button>
      </div>

      <h2 class="section-title">Import</h2>
      <p class="hint">Adds annotations and sources from a ClaimLens or W3C JSON-LD file. Nothing you have is deleted.</p>
      <label class="button file-button">
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          data-testid="import-file"
          disabled={importing}
          onChange={(event) => void importFile(event.currentTarget)}
        />
        {importing ? 'Importing…' : 'Choose a file to import'}
      </label>
      {deps.openInTab && (
        <p class="hint">
          Firefox closes this popup when a file chooser opens:{' '}
          <button type="button" class="link-button" data-testid="open-in-tab" onClick={deps.openInTab}>
            open ClaimLens in a tab
          </button>{' '}
          to import there.
        </p>
      )}
      {report && <ImportReportView report={report} />}
      {corrupt.length > 0 && (
        <p class="notice notice--warn" role="alert" data-testid="corrupt-records">
          {pluralise(corrupt.length, 'stored record')} could not be read and {corrupt.length === 1 ? 'was' : 'were'} left untouched.
        </p>
      )}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  if (!report.ok) {
    return (
      <p class="notice notice--error" role="alert" data-testid="import-error">
        {report.error ?? 'This file could not be imported.'}
      </p>
    );
  }
  return (
    <div class="notice notice--ok" role="status" data-testid="import-report">
      <p class="notice__title">Import finished</p>
      <dl class="report">
        <div>
          <dt>Added</dt>
          <dd data-testid="import-added">{report.added}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd data-testid="import-updated">{report.updated}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd data-testid="import-skipped">{report.skipped}</dd>
        </div>
        <div>
          <dt>Invalid</dt>
          <dd data-testid="import-invalid">{report.invalid}</dd>
        </div>
      </dl>
      {report.urlsDropped ? (
        <p class="hint">{pluralise(report.urlsDropped, 'source link')} that did not start with http:// or https:// removed.</p>
      ) : null}
      {report.messages && report.messages.length > 0 && (
        <details class="report__details">
          <summary>Details</summary>
          <ul data-testid="import-messages">
            {report.messages.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
