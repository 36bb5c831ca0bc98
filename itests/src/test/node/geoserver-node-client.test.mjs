// Compatibility test: GeoServer's REST API of one node, through the real client library
// geoserver-node-client (npm), on Node's own test runner. Environment:
//   GEOSERVER_URL      e.g. http://127.0.0.1:8080/geoserver/rest/
//   GEOSERVER_VERSION  the GeoServer release the node reports first in /about/version (2.26.2)
// The node must be fresh: no workspaces, the five default styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GeoServerRestClient } from 'geoserver-node-client';

const url = process.env.GEOSERVER_URL || 'http://127.0.0.1:8080/geoserver/rest/';
const grc = new GeoServerRestClient(url, 'admin', 'geoserver');
const ws = 'compat-ws';
const sld = `<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
  <NamedLayer><Name>roads</Name><UserStyle><Name>compat-roads</Name>
    <FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>`;

test('about: alive and the expected GeoServer version', async () => {
  assert.equal(await grc.about.exists(), true);
  const about = await grc.about.getVersion();
  assert.equal(about.about.resource[0].Version, process.env.GEOSERVER_VERSION || '2.26.2');
});

test('settings: read, partial update, proxy base URL, contact', async () => {
  const settings = await grc.settings.getSettings();
  assert.ok(settings.global);
  await grc.settings.updateSettings({ global: { settings: { verbose: false } } });
  assert.equal((await grc.settings.getSettings()).global.settings.verbose, false);
  await grc.settings.updateProxyBaseUrl('http://foobar.de/geoserver');
  assert.equal((await grc.settings.getSettings()).global.settings.proxyBaseUrl, 'http://foobar.de/geoserver');
  await grc.settings.updateProxyBaseUrl('');
  await grc.settings.updateContactInformation('Unter den Linden', 'Berlin', 'Deutschland', 123445, 'Berlin',
    'mail', 'org', 'person', 1231234234123);
  const contact = await grc.settings.getContactInformation();
  assert.equal(contact.contact.address, 'Unter den Linden');
  assert.equal(contact.contact.addressState, 'Berlin');
});

test('workspaces and namespaces: empty list, create, read, delete', async () => {
  assert.equal((await grc.workspaces.getAll()).workspaces, '');
  assert.equal((await grc.namespaces.getAll()).namespaces, '');
  assert.equal(await grc.workspaces.create(ws), ws);
  const all = await grc.workspaces.getAll();
  assert.equal(all.workspaces.workspace.length, 1);
  assert.equal(all.workspaces.workspace[0].name, ws);
  assert.equal((await grc.workspaces.get(ws)).workspace.name, ws);
  assert.equal(await grc.workspaces.get('fantasyWorkspace'), undefined);
  await assert.rejects(grc.workspaces.create(ws), /already exists/);

  await grc.namespaces.create('compat-ns', 'http://www.example.com');
  assert.equal((await grc.namespaces.get('compat-ns')).namespace.uri, 'http://www.example.com');
  await grc.namespaces.delete('compat-ns');
  assert.equal(await grc.namespaces.get('compat-ns'), undefined);
});

test('stores, a published feature type and its layer', async () => {
  await grc.datastores.createPostgisStore(ws, 'http://compat', 'pg', 'db', 5432, 'u', 'p', 'public', 'demo', true);
  assert.equal((await grc.datastores.getDataStore(ws, 'pg')).dataStore.name, 'pg');
  await grc.datastores.createWmsStore(ws, 'remote-wms', 'http://example.com/wms?');
  await grc.datastores.createWmtsStore(ws, 'remote-wmts', 'http://example.com/wmts?');
  assert.equal((await grc.datastores.getDataStores(ws)).dataStores.dataStore.length, 1);
  assert.equal((await grc.datastores.getWmsStores(ws)).wmsStores.wmsStore.length, 1);
  assert.equal(await grc.datastores.getDataStore(ws, 'fantasyStore'), undefined);

  await grc.layers.publishFeatureType(ws, 'pg', 'roads', 'roads', 'Roads', 'EPSG:4326', true, 'Main roads',
    { minx: 8.15, maxx: 8.16, miny: 50.0, maxy: 50.1 });
  assert.equal((await grc.layers.getFeatureType(ws, 'pg', 'roads')).featureType.name, 'roads');
  const layer = await grc.layers.get(ws, 'roads');
  assert.equal(layer.layer.name, 'roads');
  await grc.layers.modifyAttribution(ws, 'roads', 'OSM contributors', 'https://www.openstreetmap.org');
  assert.equal((await grc.layers.get(ws, 'roads')).layer.attribution.title, 'OSM contributors');
  await grc.layers.publishWmsLayer(ws, 'remote-wms', 'topp:states', 'states', 'States', 'EPSG:4326', true, '');
  assert.equal((await grc.layers.getWmsLayer(ws, 'remote-wms', 'states')).wmsLayer.name, 'states');
  assert.equal((await grc.layers.getLayers(ws)).layers.layer.length, 2);
});

test('styles: five defaults, publish an SLD, assign it', async () => {
  assert.equal((await grc.styles.getDefaults()).styles.style.length, 5);
  await grc.styles.publish(ws, 'compat-roads', sld);
  assert.equal((await grc.styles.getInWorkspace(ws)).styles.style[0].name, 'compat-roads');
  await grc.styles.assignStyleToLayer(ws, 'roads', ws, 'compat-roads', true);
  assert.equal((await grc.layers.get(ws, 'roads')).layer.defaultStyle.name, `${ws}:compat-roads`);
  assert.equal((await grc.styles.getAll()).length, 6);
});

test('layer groups: create, read, update', async () => {
  const location = await grc.layergroups.create(ws, 'compat-group', ['roads'], { layerGroupTitle: 'Group' });
  assert.match(location, /\/workspaces\/compat-ws\/layergroups\/compat-group$/);
  const group = await grc.layergroups.get(ws, 'compat-group');
  assert.equal(group.layerGroup.publishables.published[0].name, `${ws}:roads`);
  await grc.layergroups.update(ws, 'compat-group', { layerGroup: { title: 'Compat group' } });
  assert.equal((await grc.layergroups.get(ws, 'compat-group')).layerGroup.title, 'Compat group');
});

test('reset, reload, and deleting everything again', async () => {
  await grc.resetReload.reset();
  await grc.resetReload.reload();
  await assert.rejects(grc.workspaces.delete(ws, false));
  await grc.styles.delete(ws, 'compat-roads', true, true);
  await grc.layers.deleteFeatureType(ws, 'pg', 'roads', true);
  await grc.datastores.deleteDataStore(ws, 'pg', true);
  await grc.workspaces.delete(ws, true);
  assert.equal((await grc.workspaces.getAll()).workspaces, '');
  assert.equal((await grc.styles.getDefaults()).styles.style.length, 5);
});
