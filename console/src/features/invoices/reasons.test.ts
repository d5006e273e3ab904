import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n.ts';
import { compareQuantities, isWholeQuantity, parseQuantity, subtractQuantities } from './quantities.ts';
import { creditNoteReasonInWords, statusReasonInWords } from './reasons.ts';

const lines = [
  { id: '12', orderReference: 'CMD-16-2026-000033', itemCode: 'DRP-AER', designation: 'Câble de branchement aérien' },
  { id: '13', orderReference: 'CMD-16-2026-000033', itemCode: 'PTO', designation: 'Prise terminale optique' },
  { id: '14', orderReference: 'CMD-16-2026-000034', itemCode: 'PTO', designation: 'Prise terminale optique' },
];

describe('an invoice’s reasons in words (the server writes them in server/src/modules/invoice/)', () => {
  afterEach(async () => {
    await setLanguage('fr');
  });

  it('says a payment with its method’s label and reference', async () => {
    expect(statusReasonInWords('paiement BANK_TRANSFER VIR-BEA 778', lines)).toBe(
      'Paiement enregistré : Virement bancaire, référence VIR-BEA 778',
    );
    await setLanguage('en');
    expect(statusReasonInWords('paiement CCP_TRANSFER 0042', lines)).toBe(
      'Payment recorded: CCP transfer, reference 0042',
    );
  });

  it('says the month closing, settlement by credit and resubmission', () => {
    expect(statusReasonInWords('clôture du mois 2026-04', lines)).toBe(
      'Soumise automatiquement à la clôture du mois 2026-04',
    );
    expect(statusReasonInWords('soldée par avoir : rien à payer', lines)).toBe(
      'Soldée par avoir : il ne reste rien à payer',
    );
    expect(statusReasonInWords('soldée par l’avoir AV-2026-00003', lines)).toBe(
      'Soldée par l’avoir AV-2026-00003 : il ne reste rien à payer',
    );
    expect(statusReasonInWords('avoir AV-2026-00001', lines)).toBe(
      'Soumise à nouveau après révision ; les quantités retirées sont créditées par l’avoir AV-2026-00001',
    );
    expect(statusReasonInWords('lignes maintenues', lines)).toBe(
      'Soumise à nouveau après révision, toutes les lignes maintenues',
    );
  });

  it('names the rejected lines by the order number of their work, code and designation, keeping what the person typed', async () => {
    expect(
      statusReasonInWords(
        'commande CMD-16-2026-000033, DRP-AER : 42,5 m mesurés ; 30 m sur le plan ; commande CMD-16-2026-000034, PTO : absente',
        lines,
      ),
    ).toBe(
      'Lignes refusées — CMD-16-2026-000033 DRP-AER Câble de branchement aérien : 42,5 m mesurés ; 30 m sur le plan ; CMD-16-2026-000034 PTO Prise terminale optique : absente',
    );
    expect(creditNoteReasonInWords('Révision demandée — commande CMD-16-2026-000033, PTO : absente', lines)).toBe(
      'Révision demandée — CMD-16-2026-000033 PTO Prise terminale optique : absente',
    );
    expect(statusReasonInWords('commande CMD-16-2026-000099, PTO : inconnue', lines)).toBe(
      'commande CMD-16-2026-000099, PTO : inconnue',
    );
    await setLanguage('en');
    expect(creditNoteReasonInWords('Révision demandée — commande CMD-16-2026-000034, PTO : absente', lines)).toBe(
      'Revision requested — CMD-16-2026-000034 PTO Prise terminale optique : absente',
    );
  });

  it('names by order number the lines of the reasons written before, which named them by id ("ligne 82")', () => {
    expect(statusReasonInWords('ligne 12 : 42,5 m mesurés ; ligne 13 : absente', lines)).toBe(
      'Lignes refusées — CMD-16-2026-000033 DRP-AER Câble de branchement aérien : 42,5 m mesurés ; CMD-16-2026-000033 PTO Prise terminale optique : absente',
    );
    // A credit note names every line rejected, the lines it credits and those maintained alike.
    expect(creditNoteReasonInWords('Révision demandée — ligne 14 : photo floue ; ligne 12 : trop long', lines)).toBe(
      'Révision demandée — CMD-16-2026-000034 PTO Prise terminale optique : photo floue ; CMD-16-2026-000033 DRP-AER Câble de branchement aérien : trop long',
    );
    expect(statusReasonInWords('ligne 99 : inconnue', lines)).toBe('ligne 99 : inconnue');
  });

  it('lets no typed text add a line that was not rejected', () => {
    const onlyTheDrop = [lines[0]!];
    expect(statusReasonInWords('ligne 12 : longueur excessive ; ligne 13 : OK', onlyTheDrop)).toBe(
      'Lignes refusées — CMD-16-2026-000033 DRP-AER Câble de branchement aérien : longueur excessive ; ligne 13 : OK',
    );
    expect(
      statusReasonInWords(
        'commande CMD-16-2026-000033, DRP-AER : trop long ; commande CMD-16-2026-000033, PTO : OK',
        onlyTheDrop,
      ),
    ).toBe(
      'Lignes refusées — CMD-16-2026-000033 DRP-AER Câble de branchement aérien : trop long ; commande CMD-16-2026-000033, PTO : OK',
    );
    expect(statusReasonInWords('ligne 12 : trop long ; ligne 12 : OK', lines)).toBe(
      'Lignes refusées — CMD-16-2026-000033 DRP-AER Câble de branchement aérien : trop long ; ligne 12 : OK',
    );
  });

  it('shows a reason typed by a person as it is', () => {
    expect(creditNoteReasonInWords('Erreur de saisie sur le métrage', lines)).toBe('Erreur de saisie sur le métrage');
    expect(statusReasonInWords('paiement en espèces', lines)).toBe('paiement en espèces');
  });
});

describe('quantities in thousandths, never floats', () => {
  it('reads French typing, compares and subtracts exactly', () => {
    expect(parseQuantity(' 42,5 ')).toBe('42.5');
    expect(parseQuantity('30.000')).toBe('30');
    expect(parseQuantity('1,2345')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(subtractQuantities('42.5', '30.1')).toBe('12.4');
    expect(subtractQuantities('0.3', '0.1')).toBe('0.2');
    expect(compareQuantities('42.5', '42.50')).toBe(0);
    expect(compareQuantities('42.501', '42.5')).toBe(1);
    expect(isWholeQuantity('3')).toBe(true);
    expect(isWholeQuantity('3.5')).toBe(false);
  });
});
