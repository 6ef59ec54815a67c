package dev.stave.catalog;

/** Where an artist is based. country is ISO 3166-1 alpha-3 as Jamendo uses it. */
public record Location(
    String country, String state, String city, Double latitude, Double longitude) {}
