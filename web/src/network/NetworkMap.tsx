import { Alert, Autocomplete, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Graph from 'graphology';
import circlepack from 'graphology-layout/circlepack';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { get } from '../api';
import type { IntroPaths, NetworkMapData } from './network-types';

/** Distinct hues for communities, repeated when there are more communities than colours. */
const PALETTE = ['#1c7ed6', '#e8590c', '#2f9e44', '#c2255c', '#7048e8', '#0c8599', '#f08c00', '#5c940d', '#d6336c', '#4263eb', '#a61e4d', '#087f5b'];

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** The WebGL drawing of your network: coloured by community, sized by your tie strength. */
export default function NetworkMap() {
  const [size, setSize] = useState('2000');
  const data = useQuery({ queryKey: ['network-map', size], queryFn: () => get<NetworkMapData>(`/network/map?limit=${size}&edges=${Number(size) * 10}`), staleTime: 60_000 });
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [pathTo, setPathTo] = useState('');
  const [path, setPath] = useState<{ nodes: Set<string>; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const webgl = useMemo(hasWebGl, []);

  const graph = useMemo(() => {
    if (!data.data) return null;
    const g = new Graph({ type: 'undirected' });
    const labels = new Map(data.data.communities.map((c) => [c.id, c.label]));
    for (const n of data.data.nodes) {
      g.addNode(n.id, {
        label: n.name,
        community: String(n.community),
        communityLabel: labels.get(n.community) ?? '',
        // Smaller dots as the map grows, so clusters stay readable.
        size: (Number(size) > 2000 ? 1 : 1.5) + (n.strength / 100) * (Number(size) > 2000 ? 3 : 5),
        color: n.community < 0 ? '#adb5bd' : PALETTE[n.community % PALETTE.length],
        strength: n.strength,
      });
    }
    for (const [i, j, w] of data.data.edges) {
      const a = data.data.nodes[i]!.id;
      const b = data.data.nodes[j]!.id;
      if (!g.hasEdge(a, b)) g.addEdge(a, b, { size: 0.3 + w * 1.5, color: '#ced4da' });
    }
    // Communities packed as circles of circles: clusters stay apart without a slow force layout.
    circlepack.assign(g, { hierarchyAttributes: ['community'] });
    return g;
  }, [data.data]);

  useEffect(() => {
    if (!graph || !container.current || !webgl) return;
    try {
      // Large maps stay fluid by drawing only the people while the view moves.
      const large = graph.order > 2000;
      // Large maps draw people as points (one vertex each rather than a quad), which
      // software WebGL fills several times faster.
      sigma.current = new Sigma(graph, container.current, {
        labelRenderedSizeThreshold: large ? 10 : 7,
        defaultEdgeColor: '#ced4da',
        hideEdgesOnMove: large,
        hideLabelsOnMove: large,
        zIndex: !large,
        ...(large ? { defaultNodeType: 'point', nodeProgramClasses: { point: NodePointProgram } } : {}),
      });
      sigma.current.on('clickNode', ({ node }) => setFocus(node));
      sigma.current.on('clickStage', () => setFocus(null));
    } catch (e) {
      setError(`The map cannot be drawn here: ${(e as Error).message}`);
    }
    return () => {
      sigma.current?.kill();
      sigma.current = null;
    };
  }, [graph, webgl]);

  // Focus and path: dim everything else, without rebuilding the drawing.
  useEffect(() => {
    const s = sigma.current;
    if (!s || !graph) return;
    const near = new Set<string>();
    if (focus && graph.hasNode(focus)) {
      near.add(focus);
      graph.forEachNeighbor(focus, (n) => near.add(n));
    }
    const lit = path?.nodes ?? near;
    const active = lit.size > 0;
    s.setSetting('nodeReducer', (node, attrs) => (active && !lit.has(node) ? { ...attrs, color: '#e9ecef', label: '', zIndex: 0 } : { ...attrs, zIndex: 1, highlighted: node === focus }));
    s.setSetting('edgeReducer', (edge, attrs) => {
      if (!active) return attrs;
      const [a, b] = graph.extremities(edge);
      return lit.has(a) && lit.has(b) ? { ...attrs, color: path ? '#e8590c' : '#868e96', size: (attrs.size as number) + 1 } : { ...attrs, hidden: true };
    });
    if (focus && graph.hasNode(focus)) {
      const d = s.getNodeDisplayData(focus);
      if (d) void s.getCamera().animate({ x: d.x, y: d.y, ratio: 0.25 }, { duration: 400 });
    }
  }, [focus, path, graph]);

  const names = useMemo(() => (data.data ? [...new Set(data.data.nodes.map((n) => n.name))] : []), [data.data]);
  const byName = (name: string) => data.data?.nodes.find((n) => n.name === name)?.id ?? null;
  const focused = focus && graph?.hasNode(focus) ? graph.getNodeAttributes(focus) : null;

  async function showPath() {
    setError(null);
    const target = byName(pathTo) ?? pathTo;
    try {
      const r = await get<IntroPaths>(`/paths?to=${encodeURIComponent(target)}&limit=1`);
      const best = r.paths[0];
      if (!best) {
        setPath(null);
        setError(`No warm path to ${pathTo} yet.`);
        return;
      }
      setFocus(null);
      setPath({ nodes: new Set(best.hops.map((h) => h.to.id)), text: `You → ${best.hops.map((h) => h.to.name).join(' → ')}` });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (!webgl) return <Alert color="yellow">This browser cannot draw the network map (WebGL is not available). Communities, brokers and paths are in the other tabs.</Alert>;
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <SegmentedControl
          aria-label="People on the map"
          value={size}
          onChange={setSize}
          data={[
            { value: '500', label: '500' },
            { value: '2000', label: '2,000' },
            { value: '10000', label: '10,000' },
          ]}
        />
        <Autocomplete
          label="Find a person on the map"
          placeholder="Name"
          data={names}
          limit={10}
          value={search}
          onChange={setSearch}
          onOptionSubmit={(name) => {
            setPath(null);
            setFocus(byName(name));
          }}
          w={220}
        />
        <Autocomplete label="Show the best path to" placeholder="Person, organization or audience" data={names} limit={10} value={pathTo} onChange={setPathTo} w={240} />
        <Button variant="light" onClick={() => void showPath()} disabled={!pathTo.trim()}>
          Show path
        </Button>
        {(focus || path) && (
          <Button
            variant="subtle"
            onClick={() => {
              setFocus(null);
              setPath(null);
            }}
          >
            Clear
          </Button>
        )}
      </Group>
      {error && <Alert color="yellow">{error}</Alert>}
      {path && (
        <Text size="sm" aria-label="Path on the map">
          {path.text}
        </Text>
      )}
      {focused && (
        <Text size="sm" aria-label="Focused person">
          {focused.label as string} · your strength {focused.strength as number} · {(focused.communityLabel as string) || 'no community'} · {graph!.degree(focus!)} ties on the map
        </Text>
      )}
      {data.isPending && <Text c="dimmed">Loading the map…</Text>}
      {data.data && (
        <Text size="xs" c="dimmed" aria-label="Map size">
          {data.data.nodes.length.toLocaleString()} people and {data.data.edges.length.toLocaleString()} ties shown (of {data.data.graph.nodes.toLocaleString()} and {data.data.graph.edges.toLocaleString()}); click a person to focus, scroll to zoom.
        </Text>
      )}
      <div ref={container} role="img" aria-label="Network map" style={{ width: '100%', height: 'min(70vh, 640px)', border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }} />
    </Stack>
  );
}
