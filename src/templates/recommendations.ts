import {
  listType,
  objectType,
  scalarType,
  type Type,
} from '../language/types.js';

/** A product that a recommendation provider suggests for a member. */
export interface Product {
  readonly name: string;
  /** SEK. */
  readonly price: number;
  readonly url: string;
  readonly image_url: string;
  readonly brand: string;
}

/**
 * Where `{{#each (recommendations "provider" n)}}` gets its products: the
 * caller of a compiled template supplies it, so that rendering stays free of
 * network access and of any one recommendation engine.
 */
export interface RecommendationProvider {
  products(
    provider: string,
    member: Record<string, unknown>,
    count: number,
  ): Product[];
}

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
