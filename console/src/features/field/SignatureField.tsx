import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

/**
 * The customer signs on the phone with a finger (signature_pad): the signature, as a PNG on a white
 * background, is given after each stroke; null once cleared. The canvas is drawn at the screen's
 * pixel density so that the line stays sharp. `initial` (a signature kept in the draft) is drawn
 * when the field appears, and further strokes add to it.
 */
export function SignatureField({
  initial,
  onChange,
  describedBy,
}: {
  initial: Blob | null;
  onChange: (signature: Blob | null) => void;
  describedBy?: string | undefined;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const changed = useEffectEvent((signature: Blob | null) => onChange(signature));
  // The signature the field opened with: drawn once, when the pad is made.
  const [opening] = useState(initial);

  useEffect(() => {
    const element = canvas.current!;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const signature = new SignaturePad(element, {
      backgroundColor: '#ffffff',
      penColor: '#0b1f33',
      minWidth: 1,
      maxWidth: 3,
    });
    pad.current = signature;
    const stroked = () => element.toBlob((blob) => changed(blob), 'image/png');
    signature.addEventListener('endStroke', stroked);
    const kept = opening ? URL.createObjectURL(opening) : null;
    if (kept)
      void signature
        .fromDataURL(kept, { ratio: 1, width: element.offsetWidth, height: element.offsetHeight })
        .catch(() => undefined)
        .finally(() => URL.revokeObjectURL(kept));
    return () => {
      signature.removeEventListener('endStroke', stroked);
      signature.off();
    };
  }, [opening]);

  function clear() {
    pad.current?.clear();
    onChange(null);
  }

  return (
    <div className="field-signature">
      <canvas
        ref={canvas}
        className="field-signature-canvas"
        role="img"
        aria-label={t('Zone de signature du client')}
        aria-describedby={describedBy}
        data-testid="field-signature"
      />
      <button type="button" className="field-link-button" onClick={clear}>
        {t('Effacer la signature')}
      </button>
    </div>
  );
}
