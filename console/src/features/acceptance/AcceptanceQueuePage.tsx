import { readFragment } from 'gql.tada';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription, type CombinedError } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { StepDue, type StepDueWords } from '../../components/StepDue.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCount } from '../../lib/format.ts';
import type { ResultOf, VariablesOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { startAttempt, unanswered } from '../invoices/attempt.ts';
import { AcceptInstallationMutation, RejectInstallationMutation } from '../work/documents.ts';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { customerSubscriptionStatusLabels } from '../work/labels.ts';
import './acceptance.css';
import {
  AcceptanceQueueChangedSubscription,
  AcceptanceQueueQuery,
  DecidedElsewhereQuery,
  QueueItem,
} from './documents.ts';
import { flagsOf, type QueueItemData } from './flags.ts';
import { ReportReview } from './ReportReview.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';

type Decision = 'accept' | 'reject';
type AcceptInput = VariablesOf<typeof AcceptInstallationMutation>['input'];
type QueueChange = ResultOf<typeof AcceptanceQueueChangedSubscription>['customerSubscriptionChanged'];

/**
 * When AT has to decide on a report, by its service level (the running REPORT_TO_DECISION clock the
 * API gives): before its due time, or late since it.
 */
const decisionDue: Record<string, StepDueWords> = {
  REPORT_TO_DECISION: {
    due: msg('Décision attendue avant le {{due}}'),
    late: msg('Décision en retard depuis le {{due}}'),
  },
};

/**
 * Where the keyboard goes when another report opens: its heading, or its entry in the queue (arrows
 * in the queue); the queue's title when none is left.
 */
type FocusTarget = 'heading' | 'queue' | 'summary';

/** The field each decision's form shows beside its control; a problem of another goes to the alert. */
const fieldsOf: Record<Decision, readonly string[]> = {
  accept: ['overrideReason'],
  reject: ['reserves'],
};

/**
 * How long a report opened after a decision takes no decision: a key pressed twice, or a button
 * clicked twice, decides the report shown, never the next one before it was seen.
 */
const settleMs = 600;

/**
 * The DOT manager's acceptance queue (issue 15 §5): the INSTALLED work the viewer may see (a DOT
 * manager its wilayas'), oldest report first, one report open at a time with its photos, warnings
 * and measurements. Accept (A) — with the justification asked for when the measurements are outside
 * the thresholds — or reject with reserves (R), move with J/K (or the arrows in the queue); after a
 * decision the next report opens. The queue follows the work's changes live.
 */
export function AcceptanceQueuePage() {
  const { t } = useTranslation();
  const [me, reexecuteMe] = useQuery({ query: MeQuery });
  return (
    <section className="acceptance">
      <h1>{t('Réception des travaux')}</h1>
      {!me.data?.me ? (
        <QueryState
          fetching={me.fetching}
          error={me.error}
          retry={() => reexecuteMe({ requestPolicy: 'network-only' })}
        />
      ) : mayRun(me.data, 'Mutation.acceptInstallation') ? (
        <AcceptanceQueue />
      ) : (
        <p className="state">{t('Votre rôle ne permet pas de réceptionner des travaux.')}</p>
      )}
    </section>
  );
}

function AcceptanceQueue() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: AcceptanceQueueQuery });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const listed = useMemo(
    () => (result.data?.customerSubscriptions.edges ?? []).map((edge) => readFragment(QueueItem, edge.node)),
    [result.data],
  );
  // Reports decided here leave the queue at once (by id and version: a report sent again comes back).
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo(() => listed.filter((item) => !decided.has(`${item.id}:${item.version}`)), [listed, decided]);

  const [currentId, setCurrentId] = useState<string | null>(null);
  const index = items.findIndex((item) => item.id === currentId);
  const present = index >= 0 ? items[index]! : null;
  // The report open stays shown when it leaves the queue (decided elsewhere), with a notice.
  const [lastSeen, setLastSeen] = useState<{ item: QueueItemData; index: number } | null>(null);
  if (present && (lastSeen?.item !== present || lastSeen.index !== index)) setLastSeen({ item: present, index });
  const current = present ?? (lastSeen && lastSeen.item.id === currentId ? lastSeen.item : null);
  const gone = current !== null && present === null;
  const [elsewhere] = useQuery({
    query: DecidedElsewhereQuery,
    variables: { id: currentId ?? '' },
    pause: !gone,
    requestPolicy: 'network-only',
  });

  const [mode, setMode] = useState<Decision | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [settling, setSettling] = useState(false);
  const [acceptance, accept] = useMutation(AcceptInstallationMutation);
  const [rejection, reject] = useMutation(RejectInstallationMutation);
  const busy = acceptance.fetching || rejection.fetching;
  const attempts = useRef(new Map<string, AcceptInput>());
  const heading = useRef<HTMLHeadingElement>(null);
  const queue = useRef<HTMLOListElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  const deciding = useRef(false);
  const [focus, setFocus] = useState<{ target: FocusTarget; id: string | null } | null>(null);
  const { scope: decisionForm, alert } = useFocusFirstProblem(problems);

  // The first report opens by itself; so does the oldest when the queue was empty and work arrives.
  if (currentId === null && items[0]) setCurrentId(items[0].id);

  useEffect(() => {
    if (focus?.target === 'heading') heading.current?.focus();
    if (focus?.target === 'queue') queue.current?.querySelector<HTMLElement>('[aria-current="true"]')?.focus();
    if (focus?.target === 'summary') summary.current?.focus();
  }, [focus]);

  useEffect(() => {
    if (mode) document.getElementById('acceptance-text')?.focus();
  }, [mode]);

  useEffect(() => {
    if (!settling) return;
    const timer = setTimeout(() => setSettling(false), settleMs);
    return () => clearTimeout(timer);
  }, [settling]);

  // Live: the queue reads itself again when a change concerns it — work of the queue changed or
  // left it, work became INSTALLED, or the server asks for a resynchronisation.
  const listedIds = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    listedIds.current = new Set(listed.map((item) => item.id));
  }, [listed]);
  const concerns = useCallback(
    (change: QueueChange) =>
      change.change === 'RESYNC' ||
      (change.customerSubscriptionId !== null && listedIds.current.has(change.customerSubscriptionId)) ||
      change.customerSubscription?.status === 'INSTALLED',
    [],
  );
  const [changes] = useSubscription(
    { query: AcceptanceQueueChangedSubscription },
    (count: number | undefined, event) =>
      concerns(event.customerSubscriptionChanged) ? (count ?? 0) + 1 : (count ?? 0),
  );
  useEffect(() => {
    if (changes.data) reload();
  }, [changes.data, reload]);

  function open(id: string | null, target: FocusTarget) {
    setCurrentId(id);
    setMode(null);
    setText('');
    setProblems([]);
    setFocus({ target, id });
  }

  /** The report `delta` places after (or before) the one open; from where it stood when it left the queue. */
  function neighbour(delta: 1 | -1): QueueItemData | null {
    if (index >= 0) return items[index + delta] ?? null;
    const from = lastSeen?.index ?? 0;
    return (delta === 1 ? items[from] : items[from - 1]) ?? null;
  }

  function move(delta: 1 | -1, target: FocusTarget) {
    const next = neighbour(delta);
    if (next) open(next.id, target);
  }

  const canDecide = (decision: Decision) =>
    current !== null &&
    !gone &&
    !busy &&
    !settling &&
    current.latestInstallationReport !== null &&
    current.viewerCan[decision];
  const needsJustification = (current?.latestInstallationReport?.qualityIssues.length ?? 0) > 0;

  function startAccept() {
    if (!canDecide('accept')) return;
    if (needsJustification) {
      setMode('accept');
      setProblems([]);
      return;
    }
    void decide('accept');
  }

  function startReject() {
    if (!canDecide('reject')) return;
    setMode('reject');
    setProblems([]);
  }

  function closeForm() {
    setMode(null);
    setText('');
    setProblems([]);
    setFocus({ target: 'heading', id: currentId });
  }

  /** After a refusal of the API: what it said, and the work read again (someone may have decided it meanwhile). */
  function refused(error: CombinedError) {
    setProblems(problemsOf(error));
    setAnnouncement('');
    if (!unanswered(error)) reload();
  }

  async function decide(decision: Decision) {
    // One decision at a time: a second press while the first is on its way does nothing.
    if (!current || !canDecide(decision) || deciding.current) return;
    const decidedItem = current;
    const reference = decidedItem.orderReference;
    const reason = text.trim();
    const base = { id: decidedItem.id, expectedVersion: decidedItem.version };
    let error: CombinedError | undefined;
    if (decision === 'accept') {
      if (needsJustification && reason === '') {
        setProblems([
          { field: 'overrideReason', message: t('Les mesures sont hors seuils : justifiez la réception.') },
        ]);
        return;
      }
      // One idempotency key per decision: the same decision sent again (a retry, a double press) bills once.
      const key = `${decidedItem.id}:${decidedItem.version}:${reason}`;
      const input = attempts.current.get(key) ?? startAttempt({ ...base, overrideReason: reason || null });
      attempts.current.set(key, input);
      deciding.current = true;
      error = (await accept({ input })).error;
      deciding.current = false;
      if (!error || !unanswered(error)) attempts.current.delete(key);
    } else {
      const reserves = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (reserves.length === 0) {
        setProblems([{ field: 'reserves', message: t('Indiquez au moins une réserve, une par ligne.') }]);
        return;
      }
      deciding.current = true;
      error = (await reject({ input: { ...base, reserves } })).error;
      deciding.current = false;
    }
    if (error) {
      refused(error);
      return;
    }
    const next = neighbour(1) ?? neighbour(-1);
    setDecided((previous) => new Set(previous).add(`${decidedItem.id}:${decidedItem.version}`));
    const done =
      decision === 'accept'
        ? t('Commande {{reference}} réceptionnée.', { reference })
        : t('Commande {{reference}} refusée avec réserves.', { reference });
    setAnnouncement(
      next
        ? `${done} ${t('Rapport suivant : commande {{reference}}.', { reference: next.orderReference })}`
        : `${done} ${t('Plus aucun rapport à réceptionner.')}`,
    );
    setSettling(next !== null);
    open(next?.id ?? null, next ? 'heading' : 'summary');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode) void decide(mode);
  }

  // The shortcuts read the page's latest state through this ref.
  const shortcuts = useRef({ startAccept, startReject, move });
  shortcuts.current = { startAccept, startReject, move };
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      // Typing in a field, or looking at a photo, is not a shortcut.
      if (target?.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
      const inQueue = target?.closest('.queue-list') != null;
      const act = shortcuts.current;
      switch (event.key) {
        case 'a':
        case 'A':
          if (!event.repeat) act.startAccept();
          break;
        case 'r':
        case 'R':
          if (!event.repeat) act.startReject();
          break;
        case 'j':
        case 'J':
          act.move(1, 'heading');
          break;
        case 'k':
        case 'K':
          act.move(-1, 'heading');
          break;
        case 'ArrowDown':
        case 'ArrowRight':
          if (!inQueue) return;
          act.move(1, 'queue');
          break;
        case 'ArrowUp':
        case 'ArrowLeft':
          if (!inQueue) return;
          act.move(-1, 'queue');
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const connection = result.data?.customerSubscriptions;
  const waiting = connection ? connection.totalCount - (listed.length - items.length) : 0;
  const goneStatus = elsewhere.data?.customerSubscription?.status;

  return (
    <>
      <p className="muted" id="acceptance-shortcuts">
        {t(
          'Clavier : A réceptionne, R refuse avec réserves, J et K passent au rapport suivant ou précédent (les flèches dans la file) ; Échap ferme un formulaire ou une photo.',
        )}
      </p>
      <QueryState shape="table" fetching={result.fetching && !connection} error={result.error} retry={reload} />
      <p
        role="status"
        className={announcement ? 'state state-success' : 'visually-hidden'}
        data-testid="acceptance-announcement"
      >
        {announcement}
      </p>
      {connection && (
        <div className="acceptance-layout">
          <nav className="queue" aria-labelledby="acceptance-queue-title">
            <h2 id="acceptance-queue-title" data-testid="queue-count" ref={summary} tabIndex={-1}>
              {t('À réceptionner : {{count}}', { count: formatCount(waiting) })}
            </h2>
            {items.length === 0 ? (
              <EmptyState
                title={t('Aucun rapport à réceptionner.')}
                next={t('Les rapports d’installation s’ajoutent ici d’eux-mêmes dès qu’un technicien les envoie.')}
              />
            ) : (
              <ol className="queue-list" ref={queue}>
                {items.map((item) => {
                  const flags = flagsOf(item);
                  return (
                    <li key={item.id}>
                      <button
                        type="button"
                        className="queue-entry"
                        aria-current={item.id === currentId ? 'true' : undefined}
                        onClick={() => open(item.id, 'heading')}
                        data-testid="queue-entry"
                      >
                        <span className="queue-reference">{item.orderReference}</span>
                        <span className="muted">
                          {item.commune.name} ({item.wilaya.code}) · {item.contractor?.legalName ?? '—'}
                        </span>
                        <span className="muted">
                          {t('Rapport du {{instant}}', { instant: formatAlgiersDateTime(item.statusChangedAt) })}
                        </span>
                        <StepDue
                          clocks={item.serviceLevelClocks}
                          steps={decisionDue}
                          testId="queue-due"
                          className="queue-due"
                        />
                        {flags.length > 0 && (
                          <span className="queue-flags">
                            {flags.map((flag) => (
                              <span key={flag} className="tag flag">
                                {t(flag)}
                              </span>
                            ))}
                          </span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </nav>
          {current && (
            <article
              key={current.id}
              className="report-review"
              aria-labelledby="acceptance-report-title"
              data-testid="open-report"
            >
              <h2 id="acceptance-report-title" ref={heading} tabIndex={-1}>
                {t('Commande {{reference}}', { reference: current.orderReference })}
              </h2>
              <p className="muted">
                {current.commune.name}, {current.wilaya.name} ({current.wilaya.code}) · {current.offer}
                {current.site && ` · ${t('Site {{code}}', { code: current.site.code })}`} ·{' '}
                <Link to={`/raccordements/${current.id}`}>{t('Page du raccordement')}</Link>
              </p>
              <p>
                <StepDue
                  clocks={current.serviceLevelClocks}
                  steps={decisionDue}
                  testId="report-due"
                  className="queue-due"
                />
              </p>
              {gone && (
                <p className="state" role="status" data-testid="decided-elsewhere">
                  {goneStatus
                    ? t('Ce raccordement n’est plus à réceptionner : il est maintenant « {{status}} ».', {
                        status: t(customerSubscriptionStatusLabels[goneStatus] ?? goneStatus),
                      })
                    : t('Ce raccordement n’est plus à réceptionner.')}
                </p>
              )}
              <div className="actions acceptance-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={startAccept}
                  disabled={!canDecide('accept')}
                  aria-keyshortcuts="A"
                  aria-describedby="acceptance-shortcuts"
                >
                  {t('Réceptionner')} <kbd aria-hidden="true">A</kbd>
                </button>
                <button
                  type="button"
                  onClick={startReject}
                  disabled={!canDecide('reject')}
                  aria-keyshortcuts="R"
                  aria-pressed={mode === 'reject'}
                >
                  {t('Refuser avec réserves')} <kbd aria-hidden="true">R</kbd>
                </button>
                <button
                  type="button"
                  onClick={() => move(-1, 'heading')}
                  disabled={!neighbour(-1)}
                  aria-keyshortcuts="K"
                >
                  {t('Précédent')} <kbd aria-hidden="true">K</kbd>
                </button>
                <button type="button" onClick={() => move(1, 'heading')} disabled={!neighbour(1)} aria-keyshortcuts="J">
                  {t('Suivant')} <kbd aria-hidden="true">J</kbd>
                </button>
              </div>
              {mode && (
                <form
                  ref={decisionForm}
                  className="reason-form"
                  onSubmit={submit}
                  noValidate
                  aria-label={mode === 'accept' ? t('Réceptionner hors seuils') : t('Refuser avec réserves')}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') {
                      event.preventDefault();
                      closeForm();
                    }
                    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
                  }}
                >
                  {mode === 'accept' ? (
                    <>
                      <label htmlFor="acceptance-text">
                        {t('Justification de la réception hors seuils (gardée dans l’historique)')}
                      </label>
                      <input
                        dir="auto"
                        id="acceptance-text"
                        value={text}
                        onChange={(event) => setText(event.target.value)}
                        maxLength={500}
                        {...problemProps('acceptance-text', problemOf(problems, 'overrideReason'))}
                      />
                      <ProblemNote id="acceptance-text" problem={problemOf(problems, 'overrideReason')} />
                    </>
                  ) : (
                    <>
                      <label htmlFor="acceptance-text">{t('Réserves (une par ligne)')}</label>
                      <textarea
                        dir="auto"
                        id="acceptance-text"
                        value={text}
                        onChange={(event) => setText(event.target.value)}
                        rows={3}
                        aria-keyshortcuts="Control+Enter"
                        {...problemProps('acceptance-text', problemOf(problems, 'reserves'))}
                      />
                      <ProblemNote id="acceptance-text" problem={problemOf(problems, 'reserves')} />
                    </>
                  )}
                  <div className="form-actions">
                    <button type="submit" className="primary" disabled={busy}>
                      {mode === 'accept' ? t('Confirmer la réception') : t('Envoyer les réserves')}
                    </button>
                    <button type="button" onClick={closeForm} aria-keyshortcuts="Escape">
                      {t('Annuler')}
                    </button>
                  </div>
                  <p className="muted">
                    {mode === 'accept' ? t('Entrée confirme, Échap annule.') : t('Ctrl+Entrée envoie, Échap annule.')}
                  </p>
                </form>
              )}
              <ProblemsAlert ref={alert} problems={problems} fields={mode ? fieldsOf[mode] : []} />
              <ReportReview item={current} />
            </article>
          )}
        </div>
      )}
    </>
  );
}
