export { renderGradedPage, renderGradedAnswer, GRADED_PAGE_CUT } from './renderGradedPage';
export { markdownToHtml } from './markdown';
export { gradedImages, replaceGradedImageSources, decodeAttribute, type GradedImage } from './imageSources';
