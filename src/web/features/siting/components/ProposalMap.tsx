/**
 * The proposal on the map: existing offices (grey dots, their coverage optional), the chosen sites
 * as green numbered markers with the coverage radius around each, the offices that lose demand in
 * orange, and the added candidate sites as small purple dots. A click on the map reports the point
 * (the candidate form fills its latitude and longitude from it).
 */
import { Checkbox, Group, Stack, Text } from '@mantine/core';
import * as maplibregl from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, localized } from '#web/ui/PersianDigits.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { MapView, PROVINCE_FILL_LAYER, PROVINCES_SOURCE, type ProvinceShapes } from '#web/ui/map/MapView.tsx';
import type { Candidate, SitingRun } from '../api/siting';
import { circles } from './circle';

const COLORS = { existing: '#7b8794', chosen: '#2f9e44', loser: '#f08c00', site: '#7048e8', pick: '#c2255c' } as const;

const SOURCES = ['siting-existing-coverage', 'siting-chosen-coverage', 'siting-existing', 'siting-sites'] as const;

type Bounds = [[number, number], [number, number]];

function boundsOf(
  points: readonly { lat: number; lon: number }[],
  shapes: ProvinceShapes | null,
  provinceId: number | null,
): Bounds | null {
  const coords: [number, number][] = points.map((p) => [p.lon, p.lat]);
  const shape = provinceId != null ? shapes?.features.find((f) => f.id === provinceId) : undefined;
  if (shape) for (const c of shape.geometry.coordinates.flat(2)) coords.push([c[0], c[1]]);
  if (coords.length === 0) return null;
  const lons = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

const points = (
  items: readonly { lat: number; lon: number; properties: Record<string, unknown> }[],
): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: items.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: p.properties,
  })),
});

export function ProposalMap({
  run,
  provinceId,
  sites,
  picked,
  onPick,
}: {
  run: SitingRun | null;
  /** The province chosen in the form (the map frames it when there is no run). */
  provinceId: number | null;
  sites: readonly Candidate[];
  picked: { lat: number; lon: number } | null;
  onPick: (point: { lat: number; lon: number }) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [shapes, setShapes] = useState<ProvinceShapes | null>(null);
  const [showExistingCoverage, setShowExistingCoverage] = useState(false);
  const markers = useRef<maplibregl.Marker[]>([]);
  const pickMarker = useRef<maplibregl.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  const onReady = useCallback((m: maplibregl.Map, s: ProvinceShapes) => {
    const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    for (const id of SOURCES) m.addSource(id, { type: 'geojson', data: empty });
    m.addLayer({
      id: 'siting-existing-coverage',
      type: 'fill',
      source: 'siting-existing-coverage',
      paint: { 'fill-color': COLORS.existing, 'fill-opacity': 0.15 },
    });
    m.addLayer({
      id: 'siting-chosen-coverage',
      type: 'fill',
      source: 'siting-chosen-coverage',
      paint: { 'fill-color': COLORS.chosen, 'fill-opacity': 0.2 },
    });
    m.addLayer({
      id: 'siting-chosen-coverage-line',
      type: 'line',
      source: 'siting-chosen-coverage',
      paint: { 'line-color': COLORS.chosen, 'line-width': 1.5 },
    });
    m.addLayer({
      id: 'siting-existing',
      type: 'circle',
      source: 'siting-existing',
      paint: {
        'circle-radius': ['case', ['get', 'loses'], 7, 5],
        'circle-color': ['case', ['get', 'loses'], COLORS.loser, COLORS.existing],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
    m.addLayer({
      id: 'siting-sites',
      type: 'circle',
      source: 'siting-sites',
      paint: {
        'circle-radius': 4,
        'circle-color': COLORS.site,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    });
    // The province sited in stands out from its neighbours.
    m.setPaintProperty(PROVINCE_FILL_LAYER, 'fill-color', [
      'case',
      ['boolean', ['feature-state', 'sited'], false],
      '#fffdf7',
      '#e9e5dc',
    ]);
    m.on('click', (e) =>
      pick.current({ lat: Math.round(e.lngLat.lat * 1e5) / 1e5, lon: Math.round(e.lngLat.lng * 1e5) / 1e5 }),
    );
    setShapes(s);
    setMap(m);
  }, []);

  // The run's layers and markers.
  useEffect(() => {
    if (!map) return;
    const source = (id: (typeof SOURCES)[number]) => map.getSource(id) as maplibregl.GeoJSONSource | undefined;
    const losing = new Set((run?.existingLosses ?? []).map((l) => l.officeId));
    source('siting-existing')?.setData(
      points(
        (run?.existingOffices ?? []).map((o) => ({
          lat: o.lat,
          lon: o.lon,
          properties: { loses: losing.has(o.officeId) },
        })),
      ),
    );
    source('siting-chosen-coverage')?.setData(
      circles(
        (run?.proposal ?? []).map((p) => ({ lat: p.lat, lon: p.lon, properties: { rank: p.rank } })),
        run?.params.radiusKm ?? 0,
      ),
    );
    source('siting-existing-coverage')?.setData(
      showExistingCoverage && run
        ? circles(
            run.existingOffices.map((o) => ({ lat: o.lat, lon: o.lon, properties: {} })),
            run.params.radiusKm,
          )
        : { type: 'FeatureCollection', features: [] },
    );

    for (const m of markers.current) m.remove();
    markers.current = (run?.proposal ?? []).map((p) => {
      const el = document.createElement('div');
      el.className = 'siting-marker';
      el.dataset.testid = 'siting-marker';
      el.textContent = localDigits(p.rank, lang);
      el.title = localized(p.name, lang);
      Object.assign(el.style, {
        width: '26px',
        height: '26px',
        borderRadius: '50%',
        background: COLORS.chosen,
        color: '#fff',
        border: '2px solid #fff',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: '700',
        fontSize: '13px',
        boxShadow: '0 1px 4px rgba(0,0,0,.4)',
        fontFamily: 'inherit',
      });
      return new maplibregl.Marker({ element: el }).setLngLat([p.lon, p.lat]).addTo(map);
    });
  }, [map, run, showExistingCoverage, lang]);

  // Added sites.
  useEffect(() => {
    const source = map?.getSource('siting-sites') as maplibregl.GeoJSONSource | undefined;
    source?.setData(
      points(sites.filter((s) => s.kind === 'site').map((s) => ({ lat: s.lat, lon: s.lon, properties: {} }))),
    );
  }, [map, sites]);

  // The point picked for a new site.
  useEffect(() => {
    pickMarker.current?.remove();
    pickMarker.current =
      map && picked
        ? new maplibregl.Marker({ color: COLORS.pick }).setLngLat([picked.lon, picked.lat]).addTo(map)
        : null;
  }, [map, picked]);

  // Frame the run's province (or the chosen one), or the whole run.
  const frameProvince = run ? run.provinceId : provinceId;
  useEffect(() => {
    if (!map) return;
    for (const f of shapes?.features ?? []) {
      map.setFeatureState(
        { source: PROVINCES_SOURCE, id: f.id as number },
        { sited: frameProvince == null || f.id === frameProvince },
      );
    }
    const b = boundsOf(run ? [...run.proposal, ...run.existingOffices] : [], shapes, frameProvince);
    if (b) map.fitBounds(b, { padding: 24, duration: 0, maxZoom: 10 });
  }, [map, shapes, run, frameProvince]);

  return (
    <Stack gap="xs">
      <MapView onReady={onReady} height={520} testId="siting-map" />
      <Group gap="md" wrap="wrap">
        <Legend color={COLORS.chosen} label={t('siting.map.chosen')} />
        <Legend color={COLORS.existing} label={t('siting.map.existing')} />
        <Legend color={COLORS.loser} label={t('siting.map.loser')} />
        <Legend color={COLORS.site} label={t('siting.map.site')} />
        <Checkbox
          size="xs"
          label={t('siting.map.existingCoverage')}
          checked={showExistingCoverage}
          onChange={(e) => setShowExistingCoverage(e.currentTarget.checked)}
          data-testid="siting-existing-coverage"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('siting.map.clickHint')}
      </Text>
    </Stack>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <span
        aria-hidden
        style={{ width: 12, height: 12, borderRadius: '50%', background: color, display: 'inline-block' }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
