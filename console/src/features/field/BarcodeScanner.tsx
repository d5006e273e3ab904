import { useEffect, useEffectEvent, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The barcode reader, loaded on first use (its WebAssembly is large). */
const reader = () => import('./barcode.ts');

/**
 * Reads the ONT's serial number from its barcode: the live camera (rear) until a code is seen, or a
 * photo of the label where the camera cannot stream. What is read fills the field, which the
 * technician can still correct by hand.
 */
export function BarcodeScanner({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const read = useEffectEvent(onRead);
  const unavailable = useEffectEvent(() => {
    setMessage(t('La caméra n’est pas disponible : photographiez l’étiquette, ou tapez le numéro.'));
    setScanning(false);
  });

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    void (async () => {
      try {
        const { readBarcode } = await reader();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return stop();
        video.current.srcObject = stream;
        await video.current.play();
        const look = async () => {
          if (stopped || !video.current) return;
          const text = video.current.readyState >= 2 ? await readBarcode(video.current).catch(() => null) : null;
          if (text) {
            read(text);
            setScanning(false);
            return;
          }
          timer = setTimeout(() => void look(), 250);
        };
        void look();
      } catch {
        unavailable();
      }
    })();
    return stop;
  }, [scanning]);

  async function fromPhoto(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(null);
    const { readBarcode } = await reader();
    const text = await readBarcode(await createImageBitmap(file)).catch(() => null);
    if (text) onRead(text);
    else setMessage(t('Aucun code-barres lu sur cette photo : rapprochez-vous de l’étiquette, ou tapez le numéro.'));
  }

  return (
    <div className="field-barcode">
      <div className="field-actions">
        <button
          type="button"
          className="field-button secondary"
          onClick={() => {
            setMessage(null);
            setScanning(!scanning);
          }}
          aria-pressed={scanning}
        >
          {scanning ? t('Arrêter la lecture') : t('Lire le code-barres')}
        </button>
        <input
          id="field-barcode-photo"
          type="file"
          accept="image/*"
          capture="environment"
          className="visually-hidden"
          onChange={(event) => void fromPhoto(event)}
        />
        <label htmlFor="field-barcode-photo" className="field-button secondary">
          {t('Photographier l’étiquette')}
        </label>
      </div>
      {scanning && (
        <video
          ref={video}
          className="field-video"
          muted
          playsInline
          aria-label={t('Caméra : visez le code-barres de l’ONT')}
        />
      )}
      {message && (
        <p role="status" className="field-problem">
          {message}
        </p>
      )}
    </div>
  );
}
