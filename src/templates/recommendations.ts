import {
  listType,
  objectType,
  scalarType,
  type Type,
} from '../language/types.js';

/** The providers a template may name. */
export const recommendationProviders: readonly string[] = [
  'home_bestsellers',
  'fashion_trending_local',
  'beauty_personal',
];

/** The most products one `recommendations` call may ask for. */
export const maximumRecommendations = 12;

/** The type of one product, as template variables see it. */
export const productType: Type = objectType(
  new Map<string, Type>([
    ['name', scalarType('string')],
    ['price', scalarType('money')],
    ['url', scalarType('string')],
    ['image_url', scalarType('string')],
    ['brand', scalarType('string')],
  ]),
);

/** The type of what `recommendations` returns. */
export const productListType: Type = listType(productType);
