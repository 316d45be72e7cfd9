// A drawn signature: a canvas that follows a finger, a mouse or a pen (pointer events, pointer
// captured so a stroke leaving the pad still ends), a clear button, and the drawing handed up as a
// PNG data URL after each stroke (null when cleared). Keyboard users sign with a typed name instead.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { Button } from '../../ui/Button';

export interface SignaturePadProps {
  readonly label: string;
  readonly onChange: (png: string | null) => void;
}

const WIDTH = 560;
const HEIGHT = 180;

export function SignaturePad({ label, onChange }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#16202a';
  }, []);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * WIDTH) / (box.width || WIDTH),
      y: ((event.clientY - box.top) * HEIGHT) / (box.height || HEIGHT),
    };
  };

  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
  };
  const up = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setDrawn(true);
    onChange(event.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
    onChange(null);
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-canvas"
        role="img"
        aria-label={drawn ? `${label}: signed` : `${label}: empty, sign here with a finger, pen or mouse`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="signature-actions">
        <span className="muted" aria-live="polite">
          {drawn ? 'Signature drawn.' : 'Sign in the box above.'}
        </span>
        <Button size="sm" variant="ghost" onClick={clear} disabled={!drawn}>
          Clear signature
        </Button>
      </div>
    </div>
  );
}
