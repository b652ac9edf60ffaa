/**
 * The searcher and the offices found, on the shared map: HTML markers (the map has no glyphs),
 * the offices numbered as their cards are, the view fitted to all of them.
 */
import * as maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '#web/ui/map/MapView.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { localDigits, localized } from '#web/ui/PersianDigits.tsx';
import type { FinderResult } from '../api/find-offices';

/** How many of the nearest offices the view is fitted to. */
const NEAREST_IN_VIEW = 3;

function markerElement(label: string, title: string, kind: 'office' | 'origin'): HTMLElement {
  const el = document.createElement('div');
  el.className = `finder-marker finder-marker-${kind}`;
  el.dataset.testid = kind === 'office' ? 'finder-marker' : 'finder-origin';
  el.title = title;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', title);
  const size = kind === 'office' ? 26 : 16;
  Object.assign(el.style, {
    width: `${size}px`,
    height: `${size}px`,
    borderRadius: '50%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    font: '700 13px/1 Vazirmatn, Tahoma, sans-serif',
    color: '#fff',
    border: '2px solid #fff',
    boxShadow: '0 1px 4px rgba(0,0,0,.45)',
    background: kind === 'office' ? '#3b4bc8' : '#d6336c',
  });
  el.textContent = label;
  return el;
}

export function FinderMap({ result }: { result: FinderResult }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const markers: maplibregl.Marker[] = [];
    const origin = result.origin;
    markers.push(
      new maplibregl.Marker({ element: markerElement('', t('officeFinder.map.you'), 'origin') })
        .setLngLat([origin.lon, origin.lat])
        .addTo(map),
    );
    result.items.forEach((o, i) => {
      markers.push(
        new maplibregl.Marker({
          element: markerElement(
            localDigits(i + 1, lang),
            `${localDigits(i + 1, lang)}. ${localized(o.name, lang)}`,
            'office',
          ),
        })
          .setLngLat([o.location.lon, o.location.lat])
          .addTo(map),
      );
    });
    const bounds = new maplibregl.LngLatBounds([origin.lon, origin.lat], [origin.lon, origin.lat]);
    // The nearest few decide the view, so offices in the searcher's own city stay apart; the rest are a pan away.
    for (const o of result.items.slice(0, NEAREST_IN_VIEW)) bounds.extend([o.location.lon, o.location.lat]);
    map.fitBounds(bounds, { padding: 48, maxZoom: 12, duration: 0 });
    return () => {
      for (const m of markers) m.remove();
    };
  }, [ready, result, t, lang]);

  return (
    <section aria-label={t('officeFinder.map.label')}>
      <MapView
        height={320}
        testId="finder-map"
        onReady={(map) => {
          mapRef.current = map;
          setReady(true);
        }}
      />
    </section>
  );
}
