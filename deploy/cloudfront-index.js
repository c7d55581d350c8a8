// CloudFront Function (viewer request, runtime cloudfront-js-2.0) for a
// noticeboard site in a private S3 bucket: S3 has no folder index pages, so
// `/2008/09/` is fetched as `/2008/09/index.html`, and `/2008/09` (no slash,
// no file extension) is redirected to `/2008/09/`, as nginx does.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' }, 'cache-control': { value: 'public, max-age=60' } },
    };
  }
  return request;
}
