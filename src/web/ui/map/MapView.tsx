/**
 * The map every geography screen draws on: MapLibre over the shipped province boundaries, with no
 * tiles from the internet (the style has no remote sources and no glyphs, so text on the map is
 * drawn as HTML markers, not symbol layers). Screens add their own sources and layers in `onReady`.
 * MapLibre is heavy: only the pages that draw a map import this module.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Box } from '@mantine/core';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { call } from '#web/app/api-client.ts';

maplibregl.setWorkerUrl(workerUrl);

/** Iran's extent, lon/lat: the map opens fitted to it. */
const IRAN_BOUNDS: [[number, number], [number, number]] = [
  [44.0, 25.0],
  [63.4, 39.8],
];

export const PROVINCES_SOURCE = 'provinces';
export const PROVINCE_FILL_LAYER = 'province-fill';
const PROVINCE_LINE_LAYER = 'province-line';

/** Data from GeoNames (CC BY 4.0) and Natural Earth (public domain): the licences ask us to say so on the map. */
const MAP_ATTRIBUTION = 'Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)';

export type ProvinceShapes = GeoJSON.FeatureCollection<GeoJSON.MultiPolygon, { id: number }>;

let boundaries: Promise<ProvinceShapes> | null = null;
/** The province boundaries, fetched once per page load (they are static reference data). */
const loadProvinceShapes = () =>
  (boundaries ??= call('geo.boundaries').then(async (geojson) => JSON.parse(await geojson.text()) as ProvinceShapes));

export interface MapViewProps {
  /** Called once the style and the province shapes are on the map; add sources and layers here. */
  onReady: (map: maplibregl.Map, shapes: ProvinceShapes) => void;
  height?: number | string;
  bounds?: [[number, number], [number, number]];
  testId?: string;
}

export function MapView({ onReady, height = 560, bounds = IRAN_BOUNDS, testId = 'map' }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dbe7ef' } }],
      },
      bounds,
      fitBoundsOptions: { padding: 16 },
      attributionControl: { compact: false, customAttribution: MAP_ATTRIBUTION },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    let cancelled = false;
    map.on('load', () => {
      void loadProvinceShapes().then((shapes) => {
        if (cancelled) return;
        map.addSource(PROVINCES_SOURCE, { type: 'geojson', data: shapes, promoteId: 'id' });
        map.addLayer({
          id: PROVINCE_FILL_LAYER,
          type: 'fill',
          source: PROVINCES_SOURCE,
          paint: { 'fill-color': '#f4f1ea', 'fill-opacity': 0.9 },
        });
        map.addLayer({
          id: PROVINCE_LINE_LAYER,
          type: 'line',
          source: PROVINCES_SOURCE,
          paint: { 'line-color': '#6b7a8f', 'line-width': 0.8 },
        });
        ready.current(map, shapes);
        container.current?.setAttribute('data-ready', 'true');
      });
    });
    return () => {
      cancelled = true;
      map.remove();
    };
    // The map is created once; bounds changes are applied by the screens through the map itself.
  }, []);

  return (
    <Box
      ref={container}
      data-testid={testId}
      style={{ height, width: '100%', borderRadius: 8, overflow: 'hidden' }}
      dir="ltr"
    />
  );
}
