/**
 * The network map: provinces coloured by the chosen figure (feature state `colour`), offices as a
 * clustered GeoJSON source coloured by viability (cluster counts as HTML markers: the style has
 * no glyphs), and, when a province is selected, its counties as circles at their seat sized by
 * population. Clicks report a province or a county; a click on a cluster zooms into it.
 */
import * as maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { MapView, PROVINCE_FILL_LAYER, PROVINCES_SOURCE } from '#web/ui/map/MapView.tsx';
import type { CountyFigures, OfficesMap } from '../api/network';
import { NO_DATA_COLOUR } from './choropleth';

export const VIABILITY_COLOURS = { viable: '#2f9e44', marginal: '#f59f00', below: '#e03131' } as const;

const OFFICES = 'offices';
const COUNTIES = 'counties';
const COUNTY_LAYER = 'county-circles';
const POINT_LAYER = 'office-points';
const CLUSTER_LAYER = 'office-clusters';

export interface NetworkMapProps {
  /** Fill colour per province id (provinces not in it: no data). */
  colours: Map<number, string>;
  offices: OfficesMap['items'];
  counties: CountyFigures[] | null;
  selectedProvince: number | null;
  onProvince: (id: number) => void;
  onCounty: (id: number) => void;
}

type Emptyish = GeoJSON.FeatureCollection;
const empty: Emptyish = { type: 'FeatureCollection', features: [] };

function officeFeatures(offices: OfficesMap['items']): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: offices.map((o) => ({
      type: 'Feature',
      id: o.officeId,
      geometry: { type: 'Point', coordinates: [o.lon, o.lat] },
      properties: { officeId: o.officeId, code: o.code, viability: o.viability },
    })),
  };
}

function countyFeatures(counties: CountyFigures[] | null): GeoJSON.FeatureCollection {
  if (!counties) return empty;
  return {
    type: 'FeatureCollection',
    features: counties
      .filter((c) => c.lat != null && c.lon != null)
      .map((c) => ({
        type: 'Feature',
        id: c.countyId,
        geometry: { type: 'Point', coordinates: [c.lon!, c.lat!] },
        properties: { countyId: c.countyId, population: c.population ?? 0, status: c.saturationStatus ?? 'none' },
      })),
  };
}

export function NetworkMap({ colours, offices, counties, selectedProvince, onProvince, onCounty }: NetworkMapProps) {
  const { count, lang } = useDigits();
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const handlers = useRef({ onProvince, onCounty });
  handlers.current = { onProvince, onCounty };
  const markers = useRef(new Map<number, maplibregl.Marker>());
  const countRef = useRef(count);
  countRef.current = count;

  const onReady = (m: maplibregl.Map) => {
    m.setPaintProperty(PROVINCE_FILL_LAYER, 'fill-color', ['coalesce', ['feature-state', 'colour'], NO_DATA_COLOUR]);
    m.setPaintProperty(PROVINCE_FILL_LAYER, 'fill-opacity', [
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      1,
      0.85,
    ]);
    m.addLayer({
      id: 'province-selected',
      type: 'line',
      source: PROVINCES_SOURCE,
      paint: {
        'line-color': '#1a1b1e',
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 0],
      },
    });
    m.addSource(COUNTIES, { type: 'geojson', data: empty, promoteId: 'countyId' });
    m.addLayer({
      id: COUNTY_LAYER,
      type: 'circle',
      source: COUNTIES,
      paint: {
        // Area in proportion to population: radius grows with its square root.
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'population']], 0, 3, 100, 5, 1000, 14, 3000, 30],
        'circle-color': [
          'match',
          ['get', 'status'],
          'under-served',
          '#e8590c',
          'balanced',
          '#74b816',
          'saturated',
          '#7048e8',
          '#868e96',
        ],
        'circle-opacity': 0.35,
        'circle-stroke-color': '#343a40',
        'circle-stroke-width': 1,
      },
    });
    m.addSource(OFFICES, { type: 'geojson', data: empty, cluster: true, clusterRadius: 40, clusterMaxZoom: 9 });
    m.addLayer({
      id: CLUSTER_LAYER,
      type: 'circle',
      source: OFFICES,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#1c7ed6',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 22],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
      },
    });
    m.addLayer({
      id: POINT_LAYER,
      type: 'circle',
      source: OFFICES,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-radius': 6,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
        'circle-color': [
          'match',
          ['get', 'viability'],
          'viable',
          VIABILITY_COLOURS.viable,
          'marginal',
          VIABILITY_COLOURS.marginal,
          VIABILITY_COLOURS.below,
        ],
      },
    });

    // Cluster counts as HTML markers, kept in step with the clusters on screen.
    const syncMarkers = () => {
      if (!m.getSource(OFFICES)) return;
      const seen = new Set<number>();
      for (const f of m.querySourceFeatures(OFFICES)) {
        const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
        if (!p.cluster || p.cluster_id == null) continue;
        seen.add(p.cluster_id);
        if (markers.current.has(p.cluster_id)) continue;
        const el = document.createElement('div');
        el.className = 'network-cluster-count';
        el.textContent = countRef.current(p.point_count ?? 0);
        el.setAttribute('data-testid', 'cluster-count');
        Object.assign(el.style, { color: '#fff', font: '600 12px Vazirmatn, sans-serif', pointerEvents: 'none' });
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        markers.current.set(p.cluster_id, new maplibregl.Marker({ element: el }).setLngLat([lon, lat]).addTo(m));
      }
      for (const [id, marker] of markers.current)
        if (!seen.has(id)) {
          marker.remove();
          markers.current.delete(id);
        }
    };
    m.on('render', syncMarkers);

    m.on('click', (e) => {
      const cluster = m.queryRenderedFeatures(e.point, { layers: [CLUSTER_LAYER] })[0];
      if (cluster) {
        const source = m.getSource(OFFICES) as maplibregl.GeoJSONSource;
        void source
          .getClusterExpansionZoom(cluster.properties.cluster_id as number)
          .then((zoom) =>
            m.easeTo({ center: (cluster.geometry as GeoJSON.Point).coordinates as [number, number], zoom }),
          );
        return;
      }
      const county = m.queryRenderedFeatures(e.point, { layers: [COUNTY_LAYER] })[0];
      if (county) {
        handlers.current.onCounty(Number(county.properties.countyId));
        return;
      }
      const province = m.queryRenderedFeatures(e.point, { layers: [PROVINCE_FILL_LAYER] })[0];
      if (province?.id != null) handlers.current.onProvince(Number(province.id));
    });
    for (const layer of [CLUSTER_LAYER, COUNTY_LAYER, PROVINCE_FILL_LAYER]) {
      m.on('mouseenter', layer, () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', layer, () => {
        m.getCanvas().style.cursor = '';
      });
    }
    setMap(m);
  };

  useEffect(() => {
    if (!map) return;
    for (let id = 1; id <= 31; id++)
      map.setFeatureState({ source: PROVINCES_SOURCE, id }, { colour: colours.get(id) ?? NO_DATA_COLOUR });
  }, [map, colours]);

  useEffect(() => {
    if (!map) return;
    for (let id = 1; id <= 31; id++)
      map.setFeatureState({ source: PROVINCES_SOURCE, id }, { selected: id === selectedProvince });
  }, [map, selectedProvince]);

  useEffect(() => {
    (map?.getSource(OFFICES) as maplibregl.GeoJSONSource | undefined)?.setData(officeFeatures(offices));
  }, [map, offices]);

  useEffect(() => {
    (map?.getSource(COUNTIES) as maplibregl.GeoJSONSource | undefined)?.setData(countyFeatures(counties));
  }, [map, counties]);

  // A fresh language redraws the counts in its digits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the listed value changes, on purpose
  useEffect(() => {
    for (const marker of markers.current.values()) marker.remove();
    markers.current.clear();
    map?.triggerRepaint();
  }, [map, lang]);

  return <MapView onReady={onReady} height={600} testId="network-map" />;
}
